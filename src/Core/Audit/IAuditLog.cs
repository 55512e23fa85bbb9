namespace QubesPoolConsole.Core.Audit;

/// <summary>The append-only record of every change the console or the CLI applied.</summary>
public interface IAuditLog
{
    /// <summary>Appends an entry; never rewrites earlier ones.</summary>
    void Append(AuditEntry entry);

    /// <summary>Entries, newest first.</summary>
    IReadOnlyList<AuditEntry> Read(int max = 500);
}
