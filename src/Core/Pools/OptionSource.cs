namespace QubesPoolConsole.Core.Pools;

/// <summary>Where a pool's option value comes from.</summary>
public enum OptionSource
{
    /// <summary>A line in the pool's own section.</summary>
    Section,
    /// <summary>A line in the <c>[DEFAULT]</c> section, inherited by every pool.</summary>
    Defaults,
    /// <summary>Not in the file: Qubes supplies it (the default pool's dir_path).</summary>
    Implied,
}
