namespace QubesPoolConsole.Components;

/// <summary>Every address of the console's pages, for <c>@page</c>, links and navigation alike.</summary>
public static class ConsoleUrls
{
    /// <summary>The pools page.</summary>
    public const string Pools = "/";

    /// <summary>A pool's details page (route template).</summary>
    public const string PoolDetailsRoute = "/pools/{Name}";

    /// <summary>The pending-changes review page.</summary>
    public const string Review = "/review";

    /// <summary>The raw text editor for storage.conf.</summary>
    public const string RawEditor = "/raw";

    /// <summary>The earlier versions of storage.conf that each apply kept, to restore one.</summary>
    public const string EarlierVersions = "/undo";

    /// <summary>The audit log of applied changes.</summary>
    public const string AuditLog = "/history";

    /// <summary>The VM creation wizard.</summary>
    public const string NewVm = "/vms/new";

    /// <summary>A pool's details page.</summary>
    public static string Details(string pool) => "/pools/" + Uri.EscapeDataString(pool);

    /// <summary>The VM wizard with the pool chosen.</summary>
    public static string NewVmIn(string pool) => NewVm + "?pool=" + Uri.EscapeDataString(pool);
}
