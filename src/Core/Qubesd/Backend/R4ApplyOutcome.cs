using QubesPoolConsole.Core.Qubesd.Pools;

namespace QubesPoolConsole.Core.Qubesd.Backend;

/// <summary>
/// What apply did: every planned step with whether it ran (and qubesd's reply), failed (with qubesd's message), or
/// did not run. Nothing is retried. After a run (complete or partial) the draft restarts from <see cref="After"/> and
/// the steps that did not run are dropped from it; they are listed in <see cref="NotRun"/>.
/// </summary>
/// <param name="Status">How it ended.</param>
/// <param name="Steps">Every step of the plan in order, with its outcome (all NotRun when refused or stale).</param>
/// <param name="Message">A sentence saying what happened.</param>
/// <param name="Findings">When refused because of the plan: its findings; otherwise empty.</param>
/// <param name="Changes">When stale: what changed in qubesd since the draft started; otherwise empty.</param>
/// <param name="After">The pools as re-read after the run; null when nothing was sent.</param>
public sealed record R4ApplyOutcome(
    R4ApplyStatus Status,
    IReadOnlyList<R4StepOutcome> Steps,
    string Message,
    IReadOnlyList<R4Finding> Findings,
    IReadOnlyList<R4PoolDifference> Changes,
    R4PoolsView? After)
{
    /// <summary>The steps that ran, in order.</summary>
    public IReadOnlyList<R4StepOutcome> Ran => [.. Steps.Where(s => s.Status == R4StepStatus.Ran)];

    /// <summary>The step that failed, or null.</summary>
    public R4StepOutcome? FailedStep => Steps.FirstOrDefault(s => s.Status == R4StepStatus.Failed);

    /// <summary>The steps that were not sent.</summary>
    public IReadOnlyList<R4StepOutcome> NotRun => [.. Steps.Where(s => s.Status == R4StepStatus.NotRun)];

    /// <summary>The pool-table diff of the plan that ran (empty when nothing was sent).</summary>
    public string PlannedDiff { get; init; } = "";

    /// <summary>Why the audit entry of a run could not be written; null when it was (or none was due).</summary>
    public string? AuditFailure { get; init; }

    /// <summary>True when anything was sent to qubesd.</summary>
    public bool SentAnything => Steps.Any(s => s.Status != R4StepStatus.NotRun);
}
