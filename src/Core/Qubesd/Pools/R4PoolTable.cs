namespace QubesPoolConsole.Core.Qubesd.Pools;

/// <summary>The pools qubesd holds, in its order (<c>admin.pool.List</c>, which follows qubes.xml).</summary>
public sealed class R4PoolTable
{
    private readonly List<R4Pool> _pools;

    /// <summary>Makes a table; a repeated name keeps its first pool (qubesd's pools are a dictionary).</summary>
    public R4PoolTable(IEnumerable<R4Pool> pools)
    {
        _pools = [];
        foreach (var pool in pools)
        {
            if (!_pools.Any(p => p.Name == pool.Name)) _pools.Add(pool);
        }
    }

    /// <summary>A table with no pools.</summary>
    public static R4PoolTable Empty { get; } = new([]);

    /// <summary>The pools, in qubesd's order.</summary>
    public IReadOnlyList<R4Pool> Pools => _pools;

    /// <summary>The pool named <paramref name="name"/> (names are case-sensitive), or null.</summary>
    public R4Pool? Find(string name) => _pools.FirstOrDefault(p => p.Name == name);

    /// <summary>True when a pool is named <paramref name="name"/>.</summary>
    public bool Contains(string name) => Find(name) is not null;

    /// <summary>This table with <paramref name="pool"/> added at the end, or replacing the pool of that name in place.</summary>
    public R4PoolTable With(R4Pool pool)
    {
        int i = _pools.FindIndex(p => p.Name == pool.Name);
        if (i < 0) return new R4PoolTable([.. _pools, pool]);
        var copy = new List<R4Pool>(_pools) { [i] = pool };
        return new R4PoolTable(copy);
    }

    /// <summary>This table without the pool named <paramref name="name"/>.</summary>
    public R4PoolTable Without(string name) => new(_pools.Where(p => p.Name != name));
}
