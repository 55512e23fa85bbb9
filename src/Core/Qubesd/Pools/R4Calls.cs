namespace QubesPoolConsole.Core.Qubesd.Pools;

/// <summary>The Admin API calls for each pool change, with the payloads qvm-pool and qubes-prefs would send.</summary>
public static class R4Calls
{
    private const string Dom0 = "dom0";

    /// <summary>
    /// <c>admin.pool.Add+DRIVER</c> with <c>name=NAME\n</c> first, then <c>key=value\n</c> sorted by key, as the
    /// client builds it (qubesadmin/app.py:249-265).
    /// </summary>
    public static PlannedCall Add(string name, string driver, IEnumerable<KeyValuePair<string, string>> options)
        => new("admin.pool.Add", driver, Dom0,
            $"name={name}\n" + string.Concat(options.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}={o.Value}\n")));

    /// <summary><c>admin.pool.Set.OPTION+POOL</c> with the value as payload (qubesadmin/storage.py Pool setters).</summary>
    public static PlannedCall Set(string pool, string option, string value) => new($"admin.pool.Set.{option}", pool, Dom0, value);

    /// <summary><c>admin.pool.Remove+POOL</c>, no payload.</summary>
    public static PlannedCall Remove(string pool) => new("admin.pool.Remove", pool, Dom0, "");

    /// <summary><c>admin.property.Set+PROPERTY</c> with the pool name as payload.</summary>
    public static PlannedCall SetProperty(string property, string pool) => new("admin.property.Set", property, Dom0, pool);

    /// <summary><c>admin.property.Reset+PROPERTY</c>, no payload.</summary>
    public static PlannedCall ResetProperty(string property) => new("admin.property.Reset", property, Dom0, "");
}
