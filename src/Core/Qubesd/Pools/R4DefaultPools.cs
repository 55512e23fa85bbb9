namespace QubesPoolConsole.Core.Qubesd.Pools;

/// <summary>
/// The five <c>default_pool*</c> properties (qubes/app.py:905-943). default_pool_private, _root, _volatile and
/// _kernel follow default_pool until set; an unset default_pool is qubesd's own choice (app.py:638-676).
/// </summary>
public sealed class R4DefaultPools
{
    /// <summary>The main property.</summary>
    public const string DefaultPool = "default_pool";

    /// <summary>All five, in the order qubesd checks them before removing a pool (app.py:1495).</summary>
    public static readonly IReadOnlyList<string> Properties =
        [DefaultPool, "default_pool_kernel", "default_pool_private", "default_pool_root", "default_pool_volatile"];

    private readonly Dictionary<string, R4DefaultPool> _values;

    /// <summary>Makes the set; properties not given are unset and unresolved.</summary>
    public R4DefaultPools(IEnumerable<R4DefaultPool> values)
    {
        _values = Properties.ToDictionary(p => p, p => new R4DefaultPool(p, null, true));
        foreach (var v in values)
        {
            if (!_values.ContainsKey(v.Property)) throw new ArgumentException($"'{v.Property}' is not a default_pool property.", nameof(values));
            _values[v.Property] = v;
        }
    }

    /// <summary>All five properties unset and unresolved.</summary>
    public static R4DefaultPools None { get; } = new([]);

    /// <summary>Convenience: default_pool set to <paramref name="pool"/>, the other four following it.</summary>
    public static R4DefaultPools FollowingDefault(string pool)
        => new(Properties.Select(p => new R4DefaultPool(p, pool, p != DefaultPool)));

    /// <summary>True for one of the five property names.</summary>
    public static bool IsProperty(string name) => Properties.Contains(name);

    /// <summary>The property <paramref name="property"/>.</summary>
    public R4DefaultPool this[string property] => _values[property];

    /// <summary>The five, in <see cref="Properties"/> order.</summary>
    public IEnumerable<R4DefaultPool> All => Properties.Select(p => _values[p]);

    /// <summary>The properties that resolve to <paramref name="pool"/>.</summary>
    public IEnumerable<R4DefaultPool> NamingPool(string pool) => All.Where(v => v.Value == pool);

    /// <summary>After <c>admin.property.Set</c>: the property is explicit; if it is default_pool, those following it move too.</summary>
    public R4DefaultPools Set(string property, string pool)
        => new(All.Select(v => v.Property == property ? new R4DefaultPool(property, pool, false)
            : property == DefaultPool && v.IsDefault ? v with { Value = pool } : v));

    /// <summary>
    /// After <c>admin.property.Reset</c>: the property follows default_pool again; a reset default_pool resolves
    /// to qubesd's choice as far as the console can tell (<see cref="Fallback"/>), and those following it move too.
    /// </summary>
    public R4DefaultPools Reset(string property, R4PoolTable pools)
    {
        if (property != DefaultPool) return new(All.Select(v => v.Property == property ? new R4DefaultPool(property, this[DefaultPool].Value, true) : v));
        var chosen = this[DefaultPool] is { IsDefault: true, Value: { } kept } ? kept : Fallback(pools);
        return new(All.Select(v => v.Property == DefaultPool ? new R4DefaultPool(DefaultPool, chosen, true) : v.IsDefault ? v with { Value = chosen } : v));
    }

    /// <summary>
    /// What an unset default_pool resolves to (app.py:638-676): a pool named 'default'; else an lvm_thin pool chosen
    /// from the environment or the root file system, which the console cannot see (null when such a pool exists);
    /// else the first file or file-reflink pool whose dir_path is /var/lib/qubes; else nothing.
    /// </summary>
    public static string? Fallback(R4PoolTable pools)
    {
        if (pools.Contains("default")) return "default";
        if (pools.Pools.Any(p => p.Driver == "lvm_thin")) return null;
        return pools.Pools.FirstOrDefault(p => p.Driver is "file" or "file-reflink"
            && p.Options.TryGetValue(R4DriverTable.DirPath, out var d) && d == "/var/lib/qubes")?.Name;
    }

    /// <summary>What the properties are after a pool is added: a pool named 'default' becomes an unset default_pool's choice.</summary>
    public R4DefaultPools AfterAdd(string pool)
        => pool == "default" && this[DefaultPool].IsDefault && this[DefaultPool].Value != "default"
            ? new(All.Select(v => v.IsDefault ? v with { Value = "default" } : v))
            : this;
}
