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

    // Set once the text is known (parsed from it, or serialized once): an immutable document's text never changes.
    private string? _text;

    private StorageConfDocument(ConfLine[] lines, string? text = null)
    {
        _lines = lines;
        _parse = StorageConfParser.Classify(lines);
        _text = text;
    }

    private StorageConfDocument(ConfLine[] lines, ParseOutcome parse)
    {
        _lines = lines;
        _parse = parse;
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
    public static StorageConfDocument Parse(string text) => new(Split(text), text);

    /// <summary>The exact text: every line with its own ending.</summary>
    public string ToText() => _text ??= Join(_lines);

    private static string Join(ConfLine[] lines)
    {
        int length = 0;
        foreach (var l in lines) length += l.Text.Length + l.Eol.Length;
        return string.Create(length, lines, static (dst, lines) =>
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
        // Exactly one array: a line per '\n', plus the last line when the text does not end with one.
        int count = text.AsSpan().Count('\n');
        if (text.Length > 0 && text[^1] != '\n') count++;
        var lines = new ConfLine[count];
        int start = 0;
        for (int n = 0; n < count; n++)
        {
            int nl = text.IndexOf('\n', start);
            if (nl < 0)
            {
                lines[n] = new ConfLine(text[start..], "");
                break;
            }
            bool crlf = nl > start && text[nl - 1] == '\r';
            int end = crlf ? nl - 1 : nl;
            lines[n] = new ConfLine(text[start..end], crlf ? "\r\n" : "\n");
            start = nl + 1;
        }
        return lines;
    }

    private static StorageConfDocument FromLines(IEnumerable<ConfLine> lines)
        // Fresh objects: classification is per document, and documents are immutable.
        => new(lines.Select(l => new ConfLine(l.Text, l.Eol)).ToArray());
}
