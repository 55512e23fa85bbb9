using System.Text.RegularExpressions;

namespace QubesPoolConsole.Core.Pools;

/// <summary>Dotted Python import paths, as the <c>class=</c> option needs.</summary>
public static partial class PythonPath
{
    /// <summary>True for <c>package.module.ClassName</c>: two or more identifiers joined by dots.</summary>
    public static bool IsDotted(string value) => Dotted().IsMatch(value);

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+\z")]
    private static partial Regex Dotted();
}
