using QubesPoolConsole.Core.Storage;

namespace QubesPoolConsole.Core.Drafts;

/// <summary>What applying a draft did.</summary>
/// <param name="Save">The safe save's result (Saved, Unchanged, Conflict, Failed).</param>
/// <param name="Diff">The diff that was written (or would have been, on conflict/failure).</param>
/// <param name="DiskDiff">On conflict: what changed on disk since the draft was started (loaded → now on disk).</param>
/// <param name="Refused">Why the draft was not even tried (errors, or a confirmation not given), or null.</param>
/// <param name="AuditFailure">Why the audit entry of a saved change could not be written (the change stands), or null.</param>
public sealed record ApplyOutcome(SaveResult? Save, string Diff, string? DiskDiff, string? Refused, string? AuditFailure = null)
{
    /// <summary>True when the file now holds the draft.</summary>
    public bool Applied => Save?.Status is SaveStatus.Saved or SaveStatus.Unchanged;

    /// <summary>True when someone else changed the file.</summary>
    public bool IsConflict => Save?.Status == SaveStatus.Conflict;
}
