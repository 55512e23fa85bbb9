using QubesPoolConsole.Core.Pools;

namespace QubesPoolConsole.Core.Vms;

/// <summary>What the VM wizard needs, read at one moment: pools to choose from, templates, and the names taken.</summary>
/// <param name="Snapshot">storage.conf and qubes.xml as read.</param>
/// <param name="Pools">Every pool, the default first, selectable or not.</param>
/// <param name="Problem">Why no VM can be created at all (unreadable qubes.xml or storage.conf), or null.</param>
public sealed record NewVmContext(PoolsSnapshot Snapshot, IReadOnlyList<PoolChoice> Pools, string? Problem)
{
    /// <summary>The VMs in qubes.xml.</summary>
    public VmInventory Inventory => Snapshot.Inventory.Collection;

    /// <summary>Templates, for the template choice.</summary>
    public IReadOnlyList<VmInfo> Templates => Inventory.Templates.ToList();

    /// <summary>Finds a pool choice by name.</summary>
    public PoolChoice? Pool(string? name) => Pools.FirstOrDefault(p => p.Name == name);
}
