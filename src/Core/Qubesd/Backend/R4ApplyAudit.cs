using QubesPoolConsole.Core.Audit;

namespace QubesPoolConsole.Core.Qubesd.Backend;

/// <summary>Where and as whom an R4 apply is journalled: the same audit log the storage.conf backend writes.</summary>
/// <param name="Log">The audit journal.</param>
/// <param name="User">The OS user running the console.</param>
/// <param name="Session">The console session (browser login) or "cli".</param>
public sealed record R4ApplyAudit(IAuditLog Log, string User, string Session)
{
    /// <summary>
    /// The entry for a run that sent anything: the commands that ran (and the one that failed), and the pool-table
    /// diff as planned. Null when nothing was sent (a refusal changes nothing, so there is nothing to journal).
    /// </summary>
    public AuditEntry? EntryFor(R4ApplyOutcome outcome, string socketPath)
    {
        if (!outcome.SentAnything) return null;
        var ran = outcome.Ran.Select(s => s.Step.Command);
        var summary = string.Join("; ", ran);
        if (outcome.FailedStep is { } failed)
            summary = (summary.Length == 0 ? "" : summary + "; ") + $"FAILED: {failed.Step.Command} ({failed.Message})";
        return new AuditEntry(DateTimeOffset.UtcNow, User, Session, $"qubesd ({socketPath})", summary, outcome.PlannedDiff, null);
    }
}
