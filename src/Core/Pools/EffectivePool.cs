namespace QubesPoolConsole.Core.Pools;

/// <summary>A pool as Qubes R3.2 loads it from storage.conf.</summary>
public sealed record EffectivePool
{
    /// <summary>Section name.</summary>
    public required string Name { get; init; }

    /// <summary>The <c>driver</c> value, if any.</summary>
    public string? Driver { get; init; }

    /// <summary>The <c>class</c> value, if any (it wins over <see cref="Driver"/>).</summary>
    public string? Class { get; init; }

    /// <summary>Line of the winning <c>driver</c> definition.</summary>
    public int? DriverLine { get; init; }

    /// <summary>Line of the winning <c>class</c> definition.</summary>
    public int? ClassLine { get; init; }

    /// <summary>1-based line of the pool's first header.</summary>
    public required int Line { get; init; }

    /// <summary>What Qubes passes to the driver: [DEFAULT] inherited, duplicates merged, driver and class excluded.</summary>
    public required IReadOnlyList<PoolOption> Options { get; init; }

    /// <summary><see cref="Options"/> plus implied values (the default pool's dir_path).</summary>
    public required IReadOnlyList<PoolOption> Effective { get; init; }

    /// <summary>True when the pool resolves to the built-in xen driver.</summary>
    public bool IsXen => Class is null ? Driver == KnownDrivers.Xen : Class == KnownDrivers.XenPoolClass;

    /// <summary>True for the pool named <c>default</c>.</summary>
    public bool IsDefault => Name == KnownDrivers.DefaultPool;

    /// <summary>What to show as the driver: the class when set, else the driver name.</summary>
    public string DriverDisplay => Class ?? Driver ?? "(none)";

    /// <summary>The effective dir_path, if any.</summary>
    public PoolOption? DirPath => Find(Effective, KnownDrivers.DirPathKey);

    /// <summary>Finds an option in <see cref="Options"/>.</summary>
    public PoolOption? Option(string key) => Find(Options, key);

    // A loop rather than FirstOrDefault: validation asks this for every pool, and the lambda allocated each time.
    private static PoolOption? Find(IReadOnlyList<PoolOption> options, string key)
    {
        for (int i = 0; i < options.Count; i++)
        {
            if (options[i].Key == key) return options[i];
        }
        return null;
    }
}
