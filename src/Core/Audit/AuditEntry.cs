namespace QubesPoolConsole.Core.Audit;

/// <summary>One applied change, as written to the JSON-lines audit journal.</summary>
/// <param name="Time">When it was applied (UTC).</param>
/// <param name="User">The OS user running the console.</param>
/// <param name="Session">The console session (browser login) or "cli".</param>
/// <param name="File">The file changed.</param>
/// <param name="Summary">What the user asked for, e.g. "Add pool foo (xen)".</param>
/// <param name="Diff">The unified diff written.</param>
/// <param name="Sha256">Hash of the file after the change.</param>
public sealed record AuditEntry(DateTimeOffset Time, string User, string Session, string File, string Summary, string Diff, string? Sha256);
