namespace QubesPoolConsole.Server.Tests.Packaging;

/// <summary>A systemd unit file read as sections of (key, value) pairs; repeated keys keep every value.</summary>
public sealed class UnitFile
{
    private readonly List<(string Section, string Key, string Value)> _entries = [];

    public static UnitFile Load(params string[] paths)
    {
        var unit = new UnitFile();
        foreach (var path in paths)
        {
            var section = "";
            foreach (var raw in File.ReadAllLines(path))
            {
                var line = raw.Trim();
                if (line.Length == 0 || line[0] is '#' or ';') continue;
                if (line.StartsWith('[') && line.EndsWith(']')) { section = line[1..^1]; continue; }
                var eq = line.IndexOf('=');
                if (eq <= 0) throw new FormatException($"{path}: not a key=value line: {raw}");
                unit._entries.Add((section, line[..eq].Trim(), line[(eq + 1)..].Trim()));
            }
        }
        return unit;
    }

    public IReadOnlyList<string> All(string section, string key)
        => _entries.Where(e => e.Section == section && e.Key == key).Select(e => e.Value).ToList();

    /// <summary>The effective value of a single-valued key (the last one wins, as in systemd).</summary>
    public string? Get(string section, string key) => All(section, key).LastOrDefault();

    /// <summary>Space-separated list values of every occurrence of a key.</summary>
    public IReadOnlyList<string> Words(string section, string key)
        => All(section, key).SelectMany(v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
}
