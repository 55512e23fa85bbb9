namespace QubesPoolConsole.Core.Diffs;

/// <summary>What a diff line does.</summary>
public enum DiffLineKind
{
    /// <summary>Context: the same in both.</summary>
    Unchanged,
    /// <summary>Only in the new text.</summary>
    Added,
    /// <summary>Only in the old text.</summary>
    Removed,
}

/// <summary>A diff line: its text with its own line ending (none for a last line without newline) and its numbers.</summary>
public sealed record DiffLine(DiffLineKind Kind, string Text, int? OldNumber, int? NewNumber)
{
    /// <summary>The text without its line ending, for display.</summary>
    public string Display => Text.TrimEnd('\n').TrimEnd('\r');

    /// <summary>True when the line has no newline (the file's last line).</summary>
    public bool MissingNewline => !Text.EndsWith('\n');
}
