using QubesPoolConsole.Core.Pools;

namespace QubesPoolConsole.Core.Vms;

/// <summary>Every VM in qubes.xml.</summary>
public sealed class VmInventory(IReadOnlyList<VmInfo> vms)
{
    /// <summary>An inventory with no VMs.</summary>
    public static VmInventory Empty { get; } = new([]);

    /// <summary>The VMs in file order.</summary>
    public IReadOnlyList<VmInfo> Vms { get; } = vms;

    /// <summary>The templates (candidates for -t).</summary>
    public IEnumerable<VmInfo> Templates => Vms.Where(v => v.IsTemplate);

    /// <summary>The VMs in a pool.</summary>
    public IEnumerable<VmInfo> InPool(string pool) => Vms.Where(v => v.PoolName == pool);

    /// <summary>Finds a VM by exact name.</summary>
    public VmInfo? Find(string name) => Vms.FirstOrDefault(v => v.Name == name);

    /// <summary>Pool usage, for the in-use guard.</summary>
    public PoolUsage Usage => new(Vms.Select(v => (v.Name, v.PoolName)));
}
