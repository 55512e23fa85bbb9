using QubesPoolConsole.Core.Diagnostics;

namespace QubesPoolConsole.Core.Config;

/// <summary>
/// A lossless, immutable storage.conf: every line's exact text and line ending is kept, so
/// <see cref="ToText"/> of an unedited document returns the input unchanged. Edits return a new
/// document and touch only the lines they must.
/// </summary>
/// <remarks>
/// Parsing makes one <see cref="LineRecord"/> per line over the text; the <see cref="ConfLine"/> objects and the
/// merged sections are built from them the first time they are asked for (thread-safe, once per document), so a
/// load, a value change and a save of a large file allocate little besides the text.
/// </remarks>
public sealed partial class StorageConfDocument
{
    private readonly string _text;
    private readonly ScanOutcome _scan;
    private ConfLine[]? _lines;
    private ParseOutcome? _parse;

    private StorageConfDocument(string text, ScanOutcome scan)
    {
        _text = text;
        _scan = scan;
    }

    /// <summary>An empty document.</summary>
    public static StorageConfDocument Empty { get; } = Parse("");

    /// <summary>Every physical line, in order.</summary>
    public IReadOnlyList<ConfLine> Lines => LineObjects;

    /// <summary>Sections other than <c>[DEFAULT]</c> as Qubes reads them (duplicates merged), in order of first appearance.</summary>
    public IReadOnlyList<ConfSection> Sections => Merged.Sections.Values;

    /// <summary>The <c>[DEFAULT]</c> section, whose keys Qubes gives to every pool; null when absent.</summary>
    public ConfSection? Defaults => Merged.Defaults;

    /// <summary>What the parser found: syntax errors (Qubes cannot read the file) and merge warnings.</summary>
    public IReadOnlyList<Diagnostic> SyntaxDiagnostics => Merged.Diagnostics;

    /// <summary>True when Qubes' parser would read the file without raising.</summary>
    public bool IsReadableByQubes => !_scan.HasErrors;

    /// <summary>Finds a merged section by its exact name (case-sensitive, as in Qubes).</summary>
    public ConfSection? FindSection(string name)
        => !HasSection(name) ? null
            : name == StorageConfParser.DefaultsSection ? Merged.Defaults : Merged.Sections.GetValueOrDefault(name);

    /// <summary>Parses text; never throws for any input.</summary>
    public static StorageConfDocument Parse(string text) => new(text, StorageConfParser.Scan(text));

    /// <summary>The exact text: every line with its own ending.</summary>
    public string ToText() => _text;

    /// <inheritdoc />
    public override string ToString() => _text;

    /// <summary>The scanned lines (internal: the pool rules read them without making objects).</summary>
    internal ReadOnlySpan<LineRecord> Records => _scan.Lines;

    /// <summary>The text of a scanned line.</summary>
    internal ReadOnlySpan<char> TextOf(in LineRecord line) => _text.AsSpan(line.Start, line.Length);

    /// <summary>The name of a scanned line's section.</summary>
    internal string? SectionOf(in LineRecord line) => line.Section < 0 ? null : _scan.SectionNames[line.Section];

    private bool HasSection(string name) => _scan.FindSection(name) >= 0;

    private ParseOutcome Merged
    {
        get
        {
            if (Volatile.Read(ref _parse) is { } built) return built;
            Interlocked.CompareExchange(ref _parse, SectionBuilder.Build(_text, _scan), null);
            return _parse;
        }
    }

    private ConfLine[] LineObjects
    {
        get
        {
            if (Volatile.Read(ref _lines) is { } built) return built;
            Interlocked.CompareExchange(ref _lines, MakeLines(), null);
            return _lines;
        }
    }

    private ConfLine[] MakeLines()
    {
        var records = _scan.Lines;
        var lines = new ConfLine[records.Length];
        for (int i = 0; i < records.Length; i++)
        {
            ref readonly var r = ref records[i];
            lines[i] = new ConfLine(_text.Substring(r.Start, r.Length), r.Eol)
            {
                Kind = r.Kind,
                Section = SectionOf(r),
                Key = r.Key,
                Value = r.Kind == LineKind.Option ? StorageConfParser.Value(_text.AsSpan(r.Start + r.ValueStart, r.ValueEnd - r.ValueStart)) : null,
                ValueStart = r.ValueStart,
                ValueEnd = r.ValueEnd,
                Number = i + 1,
            };
        }
        return lines;
    }

    private static string Join(IEnumerable<ConfLine> lines)
    {
        var text = new System.Text.StringBuilder();
        foreach (var l in lines) text.Append(l.Text).Append(l.Eol);
        return text.ToString();
    }

    private static StorageConfDocument FromLines(IEnumerable<ConfLine> lines) => Parse(Join(lines));
}
