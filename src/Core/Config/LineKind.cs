namespace QubesPoolConsole.Core.Config;

/// <summary>How Python 2's RawConfigParser (the reader Qubes R3.2 uses) classifies a line.</summary>
public enum LineKind : byte
{
    /// <summary>Empty or only whitespace; skipped.</summary>
    Blank,
    /// <summary>Starts with <c>#</c>, <c>;</c> or the word <c>rem</c>; skipped.</summary>
    Comment,
    /// <summary>A <c>[name]</c> header; anything after the closing bracket is ignored.</summary>
    SectionHeader,
    /// <summary>A <c>key=value</c> or <c>key: value</c> line.</summary>
    Option,
    /// <summary>An indented line after an option: appended to that option's value with a newline.</summary>
    Continuation,
    /// <summary>A key or any other text before the first section header: Qubes cannot read the file.</summary>
    BeforeFirstSection,
    /// <summary>A line that is neither a header nor an option: Qubes cannot read the file.</summary>
    Invalid,
}
