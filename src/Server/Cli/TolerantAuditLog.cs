using QubesPoolConsole.Core.Audit;

namespace QubesPoolConsole.Server.Cli;

/// <summary>
/// Records to the audit journal, but never lets a failure to record undo the report of a change that was already
/// saved: the failure is kept in <see cref="Failure"/> for the command to print as a warning.
/// </summary>
public sealed class TolerantAuditLog(IAuditLog inner) : IAuditLog
{
    /// <summary>Why the last append failed, or null.</summary>
    public string? Failure { get; private set; }

    /// <inheritdoc />
    public void Append(AuditEntry entry)
    {
        try
        {
            inner.Append(entry);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Failure = ex.Message;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<AuditEntry> Read(int max = 500) => inner.Read(max);
}
