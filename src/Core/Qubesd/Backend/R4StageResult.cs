using QubesPoolConsole.Core.Qubesd.Pools;

namespace QubesPoolConsole.Core.Qubesd.Backend;

/// <summary>Whether a change to a draft (stage or unstage) was taken; when refused, the draft is as it was and the findings say why.</summary>
/// <param name="Accepted">True when the draft changed.</param>
/// <param name="Findings">Refused: the error findings (and warnings) of the plan that would have resulted. Accepted: the new plan's warnings.</param>
public sealed record R4StageResult(bool Accepted, IReadOnlyList<R4Finding> Findings)
{
    /// <summary>The error findings only.</summary>
    public IEnumerable<R4Finding> Errors => Findings.Where(f => f.IsError);
}
