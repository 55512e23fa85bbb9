using QubesPoolConsole.Core.Qubesd.Pools;
using QubesPoolConsole.Core.Qubesd.Volumes;

namespace QubesPoolConsole.Core.Qubesd.Vms;

/// <summary>What creating an R4 VM did: how it ended, one sentence for it, the plan it ran and the volumes it made.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Message">One sentence an admin can act on.</param>
/// <param name="Analysis">The plan judged just before sending (its findings say why a refusal refused).</param>
/// <param name="Volumes">The new VM's volumes as qubesd reports them after the call (VM, volume, pool, size); empty unless created.</param>
/// <param name="Lines">The progress lines, in order.</param>
public sealed record R4VmCreateOutcome(
    R4VmCreateStatus Status,
    string Message,
    R4VmAnalysis Analysis,
    IReadOnlyList<R4VmVolume> Volumes,
    IReadOnlyList<string> Lines)
{
    /// <summary>True when the VM exists now.</summary>
    public bool Succeeded => Status == R4VmCreateStatus.Created;

    /// <summary>The errors that stopped a refused create.</summary>
    public IEnumerable<R4Finding> Errors => Analysis.Findings.Where(f => f.IsError);
}
