namespace QubesPoolConsole.Core.Audit;

/// <summary>Who the audit journal names for changes made by this process (the web console and the CLI alike).</summary>
/// <param name="Name">The OS user, with the invoking user when run through sudo.</param>
public sealed record AuditUser(string Name)
{
    /// <summary>The user running this process; "root (sudo by alice)" under sudo.</summary>
    public static AuditUser FromEnvironment()
    {
        var sudo = Environment.GetEnvironmentVariable("SUDO_USER");
        return new(string.IsNullOrEmpty(sudo) ? Environment.UserName : $"{Environment.UserName} (sudo by {sudo})");
    }
}
