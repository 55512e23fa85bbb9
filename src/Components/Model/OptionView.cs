namespace QubesPoolConsole.Components.Model;

/// <summary>One key of a pool as the details page shows it.</summary>
/// <param name="Key">Option name.</param>
/// <param name="Value">Value Qubes reads.</param>
/// <param name="Origin">Where it comes from: "line 4", "[DEFAULT] line 2" or "implied by Qubes".</param>
/// <param name="IsImplied">True when not in the file at all.</param>
public sealed record OptionView(string Key, string Value, string Origin, bool IsImplied);
