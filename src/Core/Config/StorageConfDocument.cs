using QubesPoolConsole.Core.Diagnostics;

namespace QubesPoolConsole.Core.Config;

/// <summary>
/// A lossless, immutable storage.conf: every line's exact text and line ending is kept, so
/// <see cref="ToText"/> of an unedited document returns the input unchanged. Edits return a new
/// document and touch only the lines they must.
/// </summary>
public sealed partial class StorageConfDocument
{
    private readonly ConfLine[] _lines;
    private readonly ParseOutcome _parse;

    private StorageConfDocument(ConfLine[] lines)
    {
        _lines = lines;
        _parse = StorageConfParser.Classify(lines);
    }

    /// <summary>An empty document.</summary>
    public static StorageConfDocument Empty { get; } = new([]);

    /// <summary>Every physical line, in order.</summary>
    public IReadOnlyList<ConfLine> Lines => _lines;

    /// <summary>Sections other than <c>[DEFAULT]</c> as Qubes reads them (duplicates merged), in order of first appearance.</summary>
    public IReadOnlyList<ConfSection> Sections => _parse.Sections.Values;

    /// <summary>The <c>[DEFAULT]</c> section, whose keys Qubes gives to every pool; null when absent.</summary>
    public ConfSection? Defaults => _parse.Defaults;

    /// <summary>What the parser found: syntax errors (Qubes cannot read the file) and merge warnings.</summary>
    public IReadOnlyList<Diagnostic> SyntaxDiagnostics => _parse.Diagnostics;

    /// <summary>True when Qubes' parser would read the file without raising.</summary>
    public bool IsReadableByQubes => !_parse.Diagnostics.Any(d => d.IsError);

    /// <summary>Finds a merged section by its exact name (case-sensitive, as in Qubes).</summary>
    public ConfSection? FindSection(string name)
        => name == StorageConfParser.DefaultsSection ? _parse.Defaults : _parse.Sections.GetValueOrDefault(name);

    /// <summary>Parses text; never throws for any input.</summary>
    public static StorageConfDocument Parse(string text) => new(Split(text));

    /// <summary>The exact text: every line with its own ending.</summary>
    public string ToText()
    {
        int length = 0;
        foreach (var l in _lines) length += l.Text.Length + l.Eol.Length;
        return string.Create(length, _lines, static (dst, lines) =>
        {
            int at = 0;
            foreach (var l in lines)
            {
                l.Text.AsSpan().CopyTo(dst[at..]);
                at += l.Text.Length;
                l.Eol.AsSpan().CopyTo(dst[at..]);
                at += l.Eol.Length;
            }
        });
    }

    /// <inheritdoc />
    public override string ToString() => ToText();

    private static ConfLine[] Split(string text)
    {
        var lines = new List<ConfLine>(text.Length / 16 + 1);
        int start = 0;
        while (start < text.Length)
        {
            int nl = text.IndexOf('\n', start);
            if (nl < 0)
            {
                lines.Add(new ConfLine(text[start..], ""));
                break;
            }
            bool crlf = nl > start && text[nl - 1] == '\r';
            int end = crlf ? nl - 1 : nl;
            lines.Add(new ConfLine(text[start..end], crlf ? "\r\n" : "\n"));
            start = nl + 1;
        }
        return [.. lines];
    }

    private static StorageConfDocument FromLines(IEnumerable<ConfLine> lines)
        // Fresh objects: classification is per document, and documents are immutable.
        => new(lines.Select(l => new ConfLine(l.Text, l.Eol)).ToArray());
}
