using QubesPoolConsole.Core.Qubesd.Pools;

namespace QubesPoolConsole.Core.Qubesd.Vms;

/// <summary>The planner's verdict on a new VM: findings (errors mean nothing is sent) and the plan.</summary>
/// <param name="Findings">Errors and warnings, each with an <see cref="R4Codes"/> code.</param>
/// <param name="Plan">The plan; present even with errors so the review can show what was asked.</param>
public sealed record R4VmAnalysis(IReadOnlyList<R4Finding> Findings, R4VmPlan Plan)
{
    /// <summary>True when no finding is an error.</summary>
    public bool Accepted => !Findings.Any(f => f.IsError);
}
