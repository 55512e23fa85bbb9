using System.Text.Json;

namespace QubesPoolConsole.Core.Tests.Support;

/// <summary>
/// A one-line summary of how a file is read — "error invalid-line@3,5" or "[p] k=v, k2=v2 | [DEFAULT] x=1" — made
/// from our document or from Python 2.7's RawConfigParser, so the two can be compared.
/// Our NUL and BOM errors are stricter than Python and are left out here (other tests assert them).
/// </summary>
public static class QubesView
{
    public static string Of(StorageConfDocument doc)
    {
        var d = doc.SyntaxDiagnostics;
        var before = d.FirstOrDefault(x => x.Code == DiagnosticCodes.KeyBeforeSection);
        if (before is not null) return $"error key-before-section@{before.Line}";
        var invalid = d.Where(x => x.Code == DiagnosticCodes.InvalidLine).Select(x => x.Line).ToList();
        if (invalid.Count > 0) return "error invalid-line@" + string.Join(",", invalid);
        var parts = doc.Sections.Select(s => Section(s.Name, s.Options.Values.Select(o => (o.Key, o.Value)))).ToList();
        if (doc.Defaults is { Options.Count: > 0 } defaults) parts.Add(Section("DEFAULT", defaults.Options.Values.Select(o => (o.Key, o.Value))));
        return string.Join(" | ", parts);
    }

    public static string Of(string text) => Of(StorageConfDocument.Parse(text));

    /// <summary>The same summary from one JSON line of rawconfigparser_oracle.py.</summary>
    public static string FromOracle(string json)
    {
        using var j = JsonDocument.Parse(json);
        var root = j.RootElement;
        if (!root.GetProperty("ok").GetBoolean())
        {
            var lines = string.Join(",", root.GetProperty("lines").EnumerateArray().Select(l => l.GetInt32()));
            return root.GetProperty("error").GetString() == "MissingSectionHeaderError"
                ? "error key-before-section@" + lines
                : "error invalid-line@" + lines;
        }
        var parts = root.GetProperty("sections").EnumerateArray()
            .Select(s => Section(s[0].GetString()!, s[1].EnumerateArray().Select(kv => (kv[0].GetString()!, kv[1].GetString()!))))
            .ToList();
        var defaults = root.GetProperty("defaults").EnumerateArray().Select(kv => (kv[0].GetString()!, kv[1].GetString()!)).ToList();
        if (defaults.Count > 0) parts.Add(Section("DEFAULT", defaults));
        return string.Join(" | ", parts);
    }


    private static string Section(string name, IEnumerable<(string Key, string Value)> options)
        => $"[{name}] " + string.Join(", ", options.Select(o => o.Key + "=" + o.Value.Replace("\n", "\\n")));

    /// <summary>Runs the oracle on many texts at once; returns one summary per text. Null when Python 2.7 is missing.</summary>
    public static IReadOnlyList<string>? Python2Views(IReadOnlyList<string> texts)
    {
        if (Python2.Interpreter is not { } python) return null;
        var dir = Directory.CreateTempSubdirectory("qpc-oracle-").FullName;
        try
        {
            var paths = new List<string>();
            for (int i = 0; i < texts.Count; i++)
            {
                var p = Path.Combine(dir, $"{i:D6}.conf");
                File.WriteAllBytes(p, new UTF8Encoding(false).GetBytes(texts[i]));
                paths.Add(p);
            }
            var script = Path.Combine(AppContext.BaseDirectory, "Support", "rawconfigparser_oracle.py");
            var run = Tools.Exec(python, [script], stdin: string.Join("\n", paths) + "\n", timeoutMs: 120_000);
            if (run.ExitCode != 0) throw new InvalidOperationException("oracle failed: " + run.Stderr);
            var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(texts.Count, lines.Length);
            return lines.Select(FromOracle).ToList();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
