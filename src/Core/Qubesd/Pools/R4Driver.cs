namespace QubesPoolConsole.Core.Qubesd.Pools;

/// <summary>A pool driver as data: its options, the option that identifies a pool of it, and its limits.</summary>
/// <param name="Name">The driver name (<c>admin.pool.Add+NAME</c>).</param>
/// <param name="Options">Its options, required ones first.</param>
/// <param name="KeyOptions">The options that say where a pool's data lives (shown joined by '/').</param>
/// <param name="IsKnown">False for a driver qubesd lists that the console has no table entry for.</param>
/// <param name="MaxRevisions">The most revisions_to_keep the driver allows, or null for no limit.</param>
/// <param name="SetRefusal">Why no option of such a pool can be changed later, or null when the usual two can.</param>
/// <param name="Help">One sentence about the driver.</param>
public sealed record R4Driver(
    string Name,
    IReadOnlyList<R4DriverOption> Options,
    IReadOnlyList<string> KeyOptions,
    bool IsKnown,
    int? MaxRevisions,
    string? SetRefusal,
    string Help)
{
    /// <summary>The option named <paramref name="name"/>, or null.</summary>
    public R4DriverOption? Option(string name) => Options.FirstOrDefault(o => o.Name == name);

    /// <summary>The options qubesd refuses an Add without.</summary>
    public IEnumerable<R4DriverOption> RequiredOptions => Options.Where(o => o.Required);

    /// <summary>The options <c>qvm-pool set</c> can change on a pool of this driver.</summary>
    public IEnumerable<R4DriverOption> SettableOptions => SetRefusal is null ? Options.Where(o => o.Settable) : [];

    /// <summary>The key option's value for a pool with this config (e.g. <c>qubes_dom0/vm-pool</c>), or null.</summary>
    public string? KeyText(IReadOnlyDictionary<string, string> config)
    {
        var parts = KeyOptions.Select(k => config.TryGetValue(k, out var v) ? v : null).ToList();
        return parts.Count == 0 || parts.Any(p => p is null) ? null : string.Join('/', parts);
    }
}
