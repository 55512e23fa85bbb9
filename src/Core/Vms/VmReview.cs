namespace QubesPoolConsole.Core.Vms;

/// <summary>Everything the review step shows before anything runs.</summary>
/// <param name="Request">The request.</param>
/// <param name="Command">The exact qvm-create command.</param>
/// <param name="Plan">The directory and files, with sizes.</param>
/// <param name="Pool">The chosen pool.</param>
/// <param name="Fits">False when the VM's maximum size exceeds the pool's free space (or it is unknown).</param>
/// <param name="SpaceMessage">A sentence comparing the maximum size with the free space.</param>
/// <param name="Problems">Why it cannot be created as it is; empty when it can.</param>
public sealed record VmReview(VmRequest Request, QvmCreateCommand Command, VmPlan Plan, PoolChoice? Pool, bool Fits, string SpaceMessage, IReadOnlyList<string> Problems)
{
    /// <summary>True when nothing stops the creation (a space warning does not).</summary>
    public bool CanCreate => Problems.Count == 0;
}
