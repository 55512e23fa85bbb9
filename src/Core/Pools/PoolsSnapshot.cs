using QubesPoolConsole.Core.Diagnostics;
using QubesPoolConsole.Core.Storage;
using QubesPoolConsole.Core.Vms;

namespace QubesPoolConsole.Core.Pools;

/// <summary>storage.conf and qubes.xml as read at one moment: the pools, their diagnostics and their VMs.</summary>
public sealed record PoolsSnapshot(
    LoadResult Load,
    IReadOnlyList<EffectivePool> Pools,
    IReadOnlyList<Diagnostic> Diagnostics,
    InventoryResult Inventory)
{
    /// <summary>True when storage.conf was read and Qubes can read it.</summary>
    public bool IsReadable => Load.Document is { IsReadableByQubes: true };

    /// <summary>The VMs whose pool_name is <paramref name="pool"/>.</summary>
    public IReadOnlyList<VmInfo> VmsIn(string pool) => Inventory.Collection.InPool(pool).ToList();

    /// <summary>Diagnostics about one pool.</summary>
    public IReadOnlyList<Diagnostic> DiagnosticsFor(string pool) => Diagnostics.Where(d => d.Section == pool).ToList();
}
