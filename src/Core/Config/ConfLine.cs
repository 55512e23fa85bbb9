namespace QubesPoolConsole.Core.Config;

/// <summary>
/// One physical line of storage.conf: its exact text (without line ending), its exact line ending
/// (<c>"\n"</c>, <c>"\r\n"</c>, or <c>""</c> for a last line with no newline) and how Qubes reads it.
/// </summary>
public sealed class ConfLine
{
    internal ConfLine(string text, string eol)
    {
        Text = text;
        Eol = eol;
    }

    /// <summary>The line's text without its line ending, exactly as in the file.</summary>
    public string Text { get; }

    /// <summary>The line ending exactly as in the file.</summary>
    public string Eol { get; }

    /// <summary>How Qubes' parser reads the line.</summary>
    public LineKind Kind { get; internal set; }

    /// <summary>Section name for a header; for an option or continuation, the section it belongs to.</summary>
    public string? Section { get; internal set; }

    /// <summary>For an option or continuation line: the option name as Qubes sees it (lower-cased).</summary>
    public string? Key { get; internal set; }

    /// <summary>For an option: the value as Qubes reads this line (inline comment and surrounding space removed).</summary>
    public string? Value { get; internal set; }

    /// <summary>For an option: where the value text starts in <see cref="Text"/>.</summary>
    public int ValueStart { get; internal set; }

    /// <summary>For an option: where the value text ends in <see cref="Text"/> (before spaces and an inline comment).</summary>
    public int ValueEnd { get; internal set; }

    /// <summary>1-based line number in the document.</summary>
    public int Number { get; internal set; }

    internal ConfLine WithText(string text) => new(text, Eol);

    internal ConfLine WithEol(string eol) => new(Text, eol);

    /// <inheritdoc />
    public override string ToString() => Text + Eol;
}
