using System.Text.RegularExpressions;

namespace QubesPoolConsole.Core.Pools;

/// <summary>Option names the console writes: Python identifiers in lower case (they become keyword arguments).</summary>
public static partial class OptionKey
{
    /// <summary>True for <c>dir_path</c>, <c>revisions_to_keep</c>…</summary>
    public static bool IsIdentifier(string key) => Identifier().IsMatch(key) && key.Length <= 64;

    [GeneratedRegex(@"^[a-z_][a-z0-9_]*\z")]
    private static partial Regex Identifier();
}
