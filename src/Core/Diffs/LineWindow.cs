namespace QubesPoolConsole.Core.Diffs;

/// <summary>
/// Lines of a text by number, for the part a diff shows: the changed lines between the common leading and trailing
/// lines, and <c>context</c> lines on each side. Only those lines are indexed, so a one-line change of a large file
/// costs a few lines, not the whole text.
/// </summary>
internal sealed class LineWindow
{
    private readonly string _text;
    private readonly int _firstLine;
    private readonly List<int> _starts = [];

    public LineWindow(string text, int prefixChars, int prefixLines, int suffixLines, int context)
    {
        _text = text;
        Count = text.AsSpan().Count('\n') + (text.Length > 0 && text[^1] != '\n' ? 1 : 0);
        _firstLine = Math.Max(0, prefixLines - context);
        int start = prefixChars;
        for (int back = prefixLines - _firstLine; back > 0; back--) start = text.AsSpan(0, start - 1).LastIndexOf('\n') + 1;
        int lastLine = Math.Min(Count, Count - suffixLines + context);
        for (int line = _firstLine; line < lastLine; line++)
        {
            _starts.Add(start);
            int nl = text.IndexOf('\n', start);
            start = nl < 0 ? text.Length : nl + 1;
        }
        _starts.Add(start);
    }

    /// <summary>Lines in the whole text.</summary>
    public int Count { get; }

    /// <summary>A line (0-based) with its ending; it must lie in the window.</summary>
    public string this[int line] => _text[_starts[line - _firstLine].._starts[line - _firstLine + 1]];
}
