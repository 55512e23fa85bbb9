namespace QubesPoolConsole.Core.Config;

/// <summary>An option as Qubes reads it after merging: the last definition wins.</summary>
/// <param name="Key">Lower-cased option name.</param>
/// <param name="Value">The value, continuation lines joined with <c>\n</c>.</param>
/// <param name="Line">1-based line of the definition that won.</param>
/// <param name="Occurrences">How many times the key was defined in the section (all its blocks).</param>
public sealed record ConfOption(string Key, string Value, int Line, int Occurrences);
