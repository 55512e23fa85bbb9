namespace QubesPoolConsole.Core.Qubesd.Backend;

/// <summary>One pool as the pools page shows it.</summary>
/// <param name="Name">The pool's name (from <c>admin.pool.List</c>).</param>
/// <param name="Driver">The driver, or null when <c>admin.pool.Info</c> failed.</param>
/// <param name="KeyText">Where its data lives (dir_path, volume group/thin pool, container), or null.</param>
/// <param name="Config">The pool's config as Info gave it (name, driver and options); empty when Info failed.</param>
/// <param name="Data">Data size and usage (UsageDetails <c>data_*</c>, else Info <c>size</c>/<c>usage</c>), or null.</param>
/// <param name="Metadata">LVM thin-pool metadata size and usage (UsageDetails <c>metadata_*</c>), or null.</param>
/// <param name="IncludedIn">The pool whose space this one shares (Info <c>included_in</c>), or null.</param>
/// <param name="DefaultFor">The default_pool* properties that resolve to this pool.</param>
/// <param name="VolumeCount">How many VM volumes live in it (from <c>admin.vm.volume.Info</c>).</param>
/// <param name="Error">Why Info or UsageDetails failed, as qubesd said it; null when both worked.</param>
public sealed record R4PoolRow(
    string Name,
    string? Driver,
    string? KeyText,
    IReadOnlyDictionary<string, string> Config,
    R4Usage? Data,
    R4Usage? Metadata,
    string? IncludedIn,
    IReadOnlyList<string> DefaultFor,
    int VolumeCount,
    string? Error)
{
    /// <summary>
    /// True when the row counts in the totals: no error, known data size and usage, and not included in another
    /// pool (the widget's rule: pools with no size, no usage or <c>included_in</c> are left out).
    /// </summary>
    public bool CountsInTotal => Error is null && IncludedIn is null && Data is { IsKnown: true };

    /// <summary>The worse of the data and metadata levels.</summary>
    public R4UsageLevel Level => (R4UsageLevel)Math.Max((int)(Data?.Level ?? R4UsageLevel.Unknown), (int)(Metadata?.Level ?? R4UsageLevel.Unknown));
}
