namespace QubesPoolConsole.Core.Pools;

/// <summary>One option of a pool as Qubes sees it, with where it came from.</summary>
/// <param name="Key">Lower-cased option name.</param>
/// <param name="Value">The value Qubes reads.</param>
/// <param name="Source">Section, [DEFAULT], or implied.</param>
/// <param name="Line">1-based line in storage.conf; null when implied.</param>
public sealed record PoolOption(string Key, string Value, OptionSource Source, int? Line);
