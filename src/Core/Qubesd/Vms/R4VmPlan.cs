using QubesPoolConsole.Core.Qubesd.Pools;

namespace QubesPoolConsole.Core.Qubesd.Vms;

/// <summary>What creating a VM does: the <c>qvm-create</c> line, the Admin API call, each volume's pool and the free space of those pools.</summary>
/// <param name="QvmCreate">The command an admin could type in dom0.</param>
/// <param name="Call">The call and payload the console sends.</param>
/// <param name="Volumes">Every volume of the new VM, in Qubes' order (root, private, volatile, kernel).</param>
/// <param name="FreeBytes">Free bytes of each pool a volume lands in; null where the pool reports no size.</param>
public sealed record R4VmPlan(string QvmCreate, PlannedCall Call, IReadOnlyList<R4VmVolumePlan> Volumes, IReadOnlyDictionary<string, long?> FreeBytes);
