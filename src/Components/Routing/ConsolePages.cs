using QubesPoolConsole.Components.Controls;
using QubesPoolConsole.Components.Pages;
using QubesPoolConsole.Components.R4;

namespace QubesPoolConsole.Components.Routing;

/// <summary>
/// The page components of the backend the console runs on. The console's addresses are the same on every backend;
/// the host registers one set, and the route hosts render its pages, so no page asks which Qubes release it is on.
/// A null page is one the backend does not have (e.g. storage.conf's raw editor over qubesd).
/// </summary>
/// <param name="BackendName">Which backend's pages these are, for "not on this backend" sentences.</param>
/// <param name="Pools">All pools, with their state and the actions on them.</param>
/// <param name="Review">The pending changes: what will change, then apply or revert.</param>
/// <param name="PendingChanges">The app bar's entry to the review, with the pending count.</param>
public sealed record ConsolePages(string BackendName, Type Pools, Type Review, Type PendingChanges)
{
    /// <summary>The app bar's words for the backend and Qubes release (the host sets what it resolved).</summary>
    public string Caption { get; init; } = "";

    /// <summary>One pool's page (parameter <c>Name</c>).</summary>
    public Type? PoolDetails { get; init; }

    /// <summary>The New VM wizard.</summary>
    public Type? NewVm { get; init; }

    /// <summary>The whole configuration as text.</summary>
    public Type? RawEditor { get; init; }

    /// <summary>Earlier versions of the configuration, to restore one.</summary>
    public Type? EarlierVersions { get; init; }

    /// <summary>Qubes R3.2: pools in storage.conf.</summary>
    public static ConsolePages StorageConf { get; } = new("storage.conf (Qubes R3.2)", typeof(PoolsPage), typeof(ReviewPage), typeof(PendingChangesBar))
    {
        PoolDetails = typeof(PoolDetailsPage),
        NewVm = typeof(Pages.NewVm.NewVmPage),
        RawEditor = typeof(RawEditorPage),
        EarlierVersions = typeof(EarlierVersionsPage),
    };

    /// <summary>Qubes R4.1+: pools in qubesd, through the Admin API.</summary>
    public static ConsolePages Qubesd { get; } = new("qubesd (Qubes R4)", typeof(R4PoolsPage), typeof(R4ReviewPage), typeof(R4PendingChangesBar))
    {
        PoolDetails = typeof(R4PoolPage),
        NewVm = typeof(R4NewVmPage),
    };
}
