namespace QubesPoolConsole.Components.Model;

/// <summary>One key/value row of a custom pool's options in a form.</summary>
public sealed class OptionRow
{
    /// <summary>Option name (read-only for keys the pool already has).</summary>
    public string Key { get; set; } = "";

    /// <summary>Value.</summary>
    public string Value { get; set; } = "";

    /// <summary>The value in the file, for keys the pool already has.</summary>
    public string? OriginalValue { get; init; }

    /// <summary>True for a key the pool already has (it can be changed or removed, not renamed).</summary>
    public bool Existing => OriginalValue is not null;

    /// <summary>True when the user asked to remove this existing key.</summary>
    public bool Remove { get; set; }

    /// <summary>True for a new row left empty.</summary>
    public bool IsBlank => !Existing && Key.Length == 0 && Value.Length == 0;
}
