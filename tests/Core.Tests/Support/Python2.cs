namespace QubesPoolConsole.Core.Tests.Support;

/// <summary>Finds a Python 2.7 interpreter with RawConfigParser (the parser Qubes R3.2 uses), or says why there is none.</summary>
public static class Python2
{
    private static readonly Lazy<string?> Path27 = new(() =>
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("QPC_PYTHON2") is { Length: > 0 } env) candidates.Add(env);
        var pyenv = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".pyenv", "versions");
        if (Directory.Exists(pyenv))
        {
            candidates.AddRange(Directory.EnumerateDirectories(pyenv, "2.7*").Select(d => System.IO.Path.Combine(d, "bin", "python2.7")));
        }
        candidates.AddRange(["/usr/bin/python2.7", "/usr/local/bin/python2.7", "/usr/bin/python2"]);
        foreach (var c in candidates.Where(File.Exists))
        {
            try
            {
                if (Tools.Exec(c, ["-c", "import ConfigParser, json"]).ExitCode == 0) return c;
            }
            catch (System.ComponentModel.Win32Exception) { }
        }
        return null;
    });

    /// <summary>The interpreter, or null.</summary>
    public static string? Interpreter => Path27.Value;

    public const string MissingReason = "Python 2.7 with ConfigParser was not found (set QPC_PYTHON2); the hand-written dialect tests still run.";
}
