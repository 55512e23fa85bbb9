namespace QubesPoolConsole.Core.Qubesd.Pools;

/// <summary>
/// The dom0 commands an admin could type instead of each call (qvm-pool and qubes-prefs of core-admin-client 4.2
/// and 4.3), as argument lists; <see cref="ShellWords.Join"/> makes the text. A pool name may start with '-', which
/// argparse would read as an option: then the options come first and '--' ends them (checked against the real
/// parsers of qubesadmin/tools/qvm_pool.py and qvm_prefs.py, including qvm-pool's legacy-option sniffing).
/// </summary>
public static class R4Commands
{
    /// <summary><c>qvm-pool add NAME DRIVER -o k=v …</c> (options in the given order; commas are not separators).</summary>
    public static IReadOnlyList<string> Add(string name, string driver, IEnumerable<KeyValuePair<string, string>> options)
    {
        var opts = options.SelectMany(o => new[] { "-o", $"{o.Key}={o.Value}" }).ToList();
        return NeedsEnd(name) ? ["qvm-pool", "add", .. opts, "--", name, driver] : ["qvm-pool", "add", name, driver, .. opts];
    }

    /// <summary><c>qvm-pool set NAME -o k=v</c>.</summary>
    public static IReadOnlyList<string> Set(string pool, string option, string value)
        => NeedsEnd(pool) ? ["qvm-pool", "set", "-o", $"{option}={value}", "--", pool] : ["qvm-pool", "set", pool, "-o", $"{option}={value}"];

    /// <summary><c>qvm-pool remove NAME</c>.</summary>
    public static IReadOnlyList<string> Remove(string pool)
        => NeedsEnd(pool) ? ["qvm-pool", "remove", "--", pool] : ["qvm-pool", "remove", pool];

    /// <summary><c>qubes-prefs PROPERTY POOL</c>.</summary>
    public static IReadOnlyList<string> SetProperty(string property, string pool)
        => NeedsEnd(pool) ? ["qubes-prefs", property, "--", pool] : ["qubes-prefs", property, pool];

    /// <summary><c>qubes-prefs --default PROPERTY</c>.</summary>
    public static IReadOnlyList<string> ResetProperty(string property) => ["qubes-prefs", "--default", property];

    private static bool NeedsEnd(string word) => word.StartsWith('-');
}
