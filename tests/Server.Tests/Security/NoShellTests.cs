using System.Text.RegularExpressions;

namespace QubesPoolConsole.Server.Tests.Security;

public partial class NoShellTests
{
    [Fact]
    public void Sources_NeverStartAShell_AndPassArgumentsAsLists()
    {
        var src = Path.Combine(RepoRoot(), "src");
        var offences = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => ShellUse().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(src, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offences.Count == 0, string.Join("\n", offences));
    }

    // A shell binary, shell execution, or a single-string argument line (instead of ArgumentList).
    [GeneratedRegex(@"""/bin/(ba)?sh""|""(ba)?sh""|UseShellExecute\s*=\s*true|\.Arguments\s*=\s*\$?""|Process\.Start\(\s*""[^""]*""\s*,")]
    private static partial Regex ShellUse();

    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "WebConsole.sln"))) return d.FullName;
        }
        throw new InvalidOperationException("WebConsole.sln not found above " + AppContext.BaseDirectory);
    }
}
