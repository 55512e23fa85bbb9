namespace QubesPoolConsole.Core.Qubesd.Pools;

/// <summary>
/// What the console knows of qubesd's pools at one moment: the pools, the VM volumes in them, the default_pool*
/// properties, the drivers qubesd lists, and the release. Checks and plans are pure functions of it.
/// </summary>
/// <param name="Pools">The pools (<c>admin.pool.List</c> plus <c>admin.pool.Info</c>).</param>
/// <param name="Volumes">Every VM volume and its pool (<c>admin.vm.volume.Info</c>).</param>
/// <param name="Defaults">The default_pool* properties (<c>admin.property.Get</c>).</param>
/// <param name="Drivers">The drivers (<see cref="R4DriverTable.FromListDrivers"/>); empty means the table's own.</param>
/// <param name="Release">The Qubes release qubesd belongs to.</param>
public sealed record R4PoolState(
    R4PoolTable Pools,
    IReadOnlyList<R4VolumeRef> Volumes,
    R4DefaultPools Defaults,
    IReadOnlyList<R4Driver> Drivers,
    R4Release Release)
{
    /// <summary>A state with the given pools, no volumes, nothing set, the table's drivers and R4.3.</summary>
    public static R4PoolState Of(R4PoolTable pools) => new(pools, [], R4DefaultPools.None, [], R4Release.R4_3);

    /// <summary>The driver named <paramref name="name"/> among those qubesd lists (or the table's, when none were read).</summary>
    public R4Driver? Driver(string name)
        => Drivers.Count == 0 ? R4DriverTable.Find(name) : Drivers.FirstOrDefault(d => d.Name == name);

    /// <summary>The drivers offered: those qubesd lists, or the table's when none were read.</summary>
    public IReadOnlyList<R4Driver> OfferedDrivers => Drivers.Count == 0 ? R4DriverTable.Known : Drivers;

    /// <summary>The driver entry for an existing pool: the listed one, the table's, or free-form from its config.</summary>
    public R4Driver DriverOf(R4Pool pool)
        => Driver(pool.Driver) ?? R4DriverTable.Find(pool.Driver) ?? R4DriverTable.Unknown(pool.Driver, [.. pool.Options.Keys]);

    /// <summary>The VM volumes living in <paramref name="pool"/>.</summary>
    public IEnumerable<R4VolumeRef> VolumesIn(string pool) => Volumes.Where(v => v.Pool == pool);
}
