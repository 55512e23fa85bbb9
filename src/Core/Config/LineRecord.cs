namespace QubesPoolConsole.Core.Config;

/// <summary>
/// How Qubes' parser reads one physical line, kept as a value over the document's text: a large file then costs one
/// array, not an object and a string per line. <see cref="ConfLine"/> objects are made from these only when asked for.
/// </summary>
internal struct LineRecord
{
    /// <summary>For an option or continuation line: the option name as Qubes sees it (lower-cased).</summary>
    public string? Key;

    /// <summary>Where the line starts in the document's text.</summary>
    public int Start;

    /// <summary>Length of the line's text, without its ending.</summary>
    public int Length;

    /// <summary>0 (last line, no newline), 1 (<c>\n</c>) or 2 (<c>\r\n</c>).</summary>
    public byte EolLength;

    public LineKind Kind;

    /// <summary>Index into <see cref="ScanOutcome.SectionNames"/>; -1 for blank, comment and before-first-section lines.</summary>
    public int Section;

    /// <summary>For an option: the value's range within the line (before spaces and an inline comment).</summary>
    public int ValueStart, ValueEnd;

    public readonly int End => Start + Length;

    public readonly string Eol => EolLength switch { 0 => "", 1 => "\n", _ => "\r\n" };
}
