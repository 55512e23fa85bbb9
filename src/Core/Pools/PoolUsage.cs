namespace QubesPoolConsole.Core.Pools;

/// <summary>Which VMs live in which pool (from qubes.xml), for the in-use guard and the move warning.</summary>
public sealed class PoolUsage
{
    private readonly Dictionary<string, List<string>> _vms;

    /// <summary>Builds the usage from (VM name, pool name) pairs.</summary>
    public PoolUsage(IEnumerable<(string Vm, string Pool)> vms)
    {
        _vms = vms.GroupBy(v => v.Pool, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(v => v.Vm).ToList(), StringComparer.Ordinal);
    }

    /// <summary>No VMs known.</summary>
    public static PoolUsage None { get; } = new([]);

    /// <summary>The VMs whose pool_name is <paramref name="pool"/>.</summary>
    public IReadOnlyList<string> VmsIn(string pool) => _vms.TryGetValue(pool, out var list) ? list : [];

    /// <summary>Every pool name some VM refers to.</summary>
    public IEnumerable<string> PoolsInUse => _vms.Keys;
}
