namespace QubesPoolConsole.Components.Model;

/// <summary>The console's addresses for pools (and the pages other parts of the console own).</summary>
public static class PoolLinks
{
    /// <summary>The pools page.</summary>
    public const string Pools = "/";

    /// <summary>The pending-changes review page.</summary>
    public const string Review = "/review";

    /// <summary>The raw text editor for storage.conf.</summary>
    public const string RawEditor = "/raw";

    /// <summary>The VM creation wizard.</summary>
    public const string NewVm = "/vms/new";

    /// <summary>A pool's details page.</summary>
    public static string Details(string pool) => "/pools/" + Uri.EscapeDataString(pool);

    /// <summary>The VM wizard with the pool chosen.</summary>
    public static string NewVmIn(string pool) => NewVm + "?pool=" + Uri.EscapeDataString(pool);
}
