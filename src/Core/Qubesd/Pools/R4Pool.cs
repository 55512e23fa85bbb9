namespace QubesPoolConsole.Core.Qubesd.Pools;

/// <summary>
/// A pool as qubesd holds it: its config (the attributes of its <c>&lt;pool&gt;</c> element in qubes.xml, the
/// <c>key=value</c> lines of <c>admin.pool.Info</c> without size, usage and included_in), name and driver included.
/// </summary>
public sealed record R4Pool
{
    /// <summary>Info keys that are measurements or derived, not config.</summary>
    public static readonly IReadOnlySet<string> NotConfig = new HashSet<string>(StringComparer.Ordinal) { "size", "usage", "included_in" };

    /// <summary>Makes a pool; <paramref name="options"/> must not repeat name or driver.</summary>
    public R4Pool(string name, string driver, IReadOnlyDictionary<string, string> options)
    {
        Name = name;
        Driver = driver;
        var config = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in options)
        {
            if (k is "name" or "driver") continue;
            config[k] = v;
        }
        Options = config;
    }

    /// <summary>The pool's name.</summary>
    public string Name { get; }

    /// <summary>The driver (the <c>driver</c> attribute).</summary>
    public string Driver { get; }

    /// <summary>The other config keys, sorted by name.</summary>
    public IReadOnlyDictionary<string, string> Options { get; }

    /// <summary>All config keys: name, driver and the options.</summary>
    public IReadOnlyDictionary<string, string> Config
        => new Dictionary<string, string>(Options) { ["name"] = Name, ["driver"] = Driver };

    /// <summary>The pool with option <paramref name="key"/> set to <paramref name="value"/>.</summary>
    public R4Pool With(string key, string value) => new(Name, Driver, new Dictionary<string, string>(Options) { [key] = value });

    /// <summary>
    /// The pool described by an <c>admin.pool.Info</c> reply (the text after <c>0\0</c>); null when it names no
    /// driver. Lines without '=' are ignored, as are size, usage and included_in.
    /// </summary>
    public static R4Pool? FromInfo(string name, string reply)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in reply.Split('\n'))
        {
            int eq = line.IndexOf('=');
            if (eq <= 0) continue;
            var key = line[..eq];
            if (!NotConfig.Contains(key)) options[key] = line[(eq + 1)..];
        }
        return options.TryGetValue("driver", out var driver) ? new R4Pool(name, driver, options) : null;
    }

    /// <summary>Value equality over name, driver and every option.</summary>
    public bool Equals(R4Pool? other)
        => other is not null && Name == other.Name && Driver == other.Driver
           && Options.Count == other.Options.Count
           && Options.All(kv => other.Options.TryGetValue(kv.Key, out var v) && v == kv.Value);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Driver, Options.Count);
}
