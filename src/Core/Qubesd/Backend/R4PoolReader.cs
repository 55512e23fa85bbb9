using QubesPoolConsole.Core.Qubesd.Pools;
using QubesPoolConsole.Core.Qubesd.Wire;

namespace QubesPoolConsole.Core.Qubesd.Backend;

/// <summary>
/// Reads qubesd's pools, drivers, default_pool* properties and VM volumes into an <see cref="R4PoolsView"/>. Only
/// read calls are made; per-pool calls and per-VM calls run in parallel (the client bounds how many at once). A pool
/// whose Info or UsageDetails fails keeps its error in its row; only a failed <c>admin.pool.List</c> fails the view.
/// </summary>
public sealed class R4PoolReader
{
    private readonly IQubesdClient _client;
    private readonly TimeProvider _time;

    /// <summary>A reader over <paramref name="client"/>.</summary>
    public R4PoolReader(IQubesdClient client, TimeProvider? time = null)
    {
        _client = client;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The client the reader calls (the draft sends its planned calls through the same one).</summary>
    public IQubesdClient Client => _client;

    /// <summary>Reads the whole state now.</summary>
    public async Task<R4PoolsView> ReadAsync(CancellationToken cancellationToken = default)
    {
        var listTask = _client.PoolListAsync(cancellationToken);
        var driversTask = _client.PoolListDriversAsync(cancellationToken);
        var defaultsTask = Task.WhenAll(R4DefaultPools.Properties.Select(p => _client.PropertyGetAsync(p, cancellationToken)));
        var volumesTask = ReadVolumesAsync(cancellationToken);

        var list = await listTask.ConfigureAwait(false);
        if (!list.IsOk)
        {
            // Let the other reads finish, so no call outlives the read.
            await Task.WhenAll(driversTask, defaultsTask, volumesTask).ConfigureAwait(false);
            return R4PoolsView.Failed($"The pool list could not be read: {list.Message}", _time.GetUtcNow());
        }
        var pools = await Task.WhenAll(list.Value.Select(name => ReadPoolAsync(name, cancellationToken))).ConfigureAwait(false);
        var drivers = await driversTask.ConfigureAwait(false);
        var properties = await defaultsTask.ConfigureAwait(false);
        var (volumes, release, volumeProblems) = await volumesTask.ConfigureAwait(false);

        var problems = new List<string>();
        IReadOnlyList<R4Driver> driverTable = [];
        if (drivers.IsOk) driverTable = R4DriverTable.FromListDrivers(string.Concat(drivers.Value.Select(d => d + "\n")));
        else problems.Add($"The driver list could not be read (the console's own driver table is used): {drivers.Message}");

        var defaults = new List<R4DefaultPool>();
        for (int i = 0; i < properties.Length; i++)
        {
            var property = R4DefaultPools.Properties[i];
            if (properties[i].IsOk) defaults.Add(new R4DefaultPool(property, properties[i].Value!.Value is { Length: > 0 } v ? v : null, properties[i].Value!.IsDefault));
            else problems.Add($"The property {property} could not be read: {properties[i].Message}");
        }
        problems.AddRange(volumeProblems);
        var defaultPools = new R4DefaultPools(defaults);

        var table = new R4PoolTable(pools.Select(p => p.Pool));
        var state = new R4PoolState(table, volumes, defaultPools, driverTable, release);
        var rows = pools.Select(p => Row(p, state)).ToList();
        return new R4PoolsView(state, rows, problems, null, _time.GetUtcNow());
    }

    private static R4PoolRow Row(PoolRead read, R4PoolState state)
    {
        var defaultFor = state.Defaults.NamingPool(read.Name).Select(d => d.Property).ToList();
        var count = state.VolumesIn(read.Name).Count();
        if (read.Info is not { } info)
            return new R4PoolRow(read.Name, null, null, new Dictionary<string, string>(), null, null, null, defaultFor, count, read.Error);
        var pool = read.Pool;
        R4Usage? data = null, metadata = null;
        if (read.Usage is { } usage)
        {
            if (usage.Contains("data_size") || usage.Contains("data_usage")) data = new R4Usage(usage.GetInt64("data_size"), usage.GetInt64("data_usage"));
            if (usage.Contains("metadata_size") || usage.Contains("metadata_usage")) metadata = new R4Usage(usage.GetInt64("metadata_size"), usage.GetInt64("metadata_usage"));
        }
        // Info's size/usage are deprecated but still sent; they stand in when UsageDetails gave no data figures.
        if (data is null && (info.Contains("size") || info.Contains("usage"))) data = new R4Usage(info.GetInt64("size"), info.GetInt64("usage"));
        return new R4PoolRow(read.Name, pool.Driver, state.DriverOf(pool).KeyText(pool.Config), pool.Config, data, metadata,
            info["included_in"] is { Length: > 0 } inc ? inc : null, defaultFor, count, read.Error);
    }

    private async Task<PoolRead> ReadPoolAsync(string name, CancellationToken cancellationToken)
    {
        var infoTask = _client.PoolInfoAsync(name, cancellationToken);
        var usageTask = _client.PoolUsageDetailsAsync(name, cancellationToken);
        var info = await infoTask.ConfigureAwait(false);
        var usage = await usageTask.ConfigureAwait(false);
        // A pool whose config cannot be read stays in the table (driver unknown) so its name still counts as taken.
        var unknown = new R4Pool(name, "", new Dictionary<string, string>());
        if (!info.IsOk) return new PoolRead(name, unknown, null, null, info.Message);
        if (R4Pool.FromInfo(name, info.Reply.Text) is not { } pool)
            return new PoolRead(name, unknown, null, null, $"qubesd's description of pool {name} names no driver.");
        return usage.IsOk
            ? new PoolRead(name, pool, info.Value, usage.Value, null)
            : new PoolRead(name, pool, info.Value, null, usage.Message);
    }

    private async Task<(IReadOnlyList<R4VolumeRef> Volumes, R4Release Release, IReadOnlyList<string> Problems)> ReadVolumesAsync(CancellationToken cancellationToken)
    {
        var vms = await _client.VmListAsync(cancellationToken).ConfigureAwait(false);
        if (!vms.IsOk)
            return ([], R4Release.R4_3, [$"The VM list could not be read, so volume counts are missing and the release is assumed to be R4.3: {vms.Message}"]);
        // R4.3 adds uuid= to every admin.vm.List line (notes §2.5, §9.4).
        var release = vms.Value.Any(v => v.Uuid is not null) ? R4Release.R4_3 : R4Release.R4_2;
        // dom0 (AdminVM) has no volumes in a pool; R4.3 answers an empty list for it anyway.
        var perVm = await Task.WhenAll(vms.Value.Where(v => v.Class != "AdminVM").Select(v => ReadVmVolumesAsync(v.Name, cancellationToken))).ConfigureAwait(false);
        return ([.. perVm.SelectMany(v => v.Volumes)], release, [.. perVm.Where(v => v.Problem is not null).Select(v => v.Problem!)]);
    }

    private async Task<(IReadOnlyList<R4VolumeRef> Volumes, string? Problem)> ReadVmVolumesAsync(string vm, CancellationToken cancellationToken)
    {
        var names = await _client.VmVolumeListAsync(vm, cancellationToken).ConfigureAwait(false);
        if (!names.IsOk) return ([], $"The volumes of VM {vm} could not be listed: {names.Message}");
        var infos = await Task.WhenAll(names.Value.Select(n => _client.VmVolumeInfoAsync(vm, n, cancellationToken))).ConfigureAwait(false);
        var refs = new List<R4VolumeRef>();
        var failed = new List<string>();
        for (int i = 0; i < infos.Length; i++)
        {
            if (infos[i].IsOk && infos[i].Value!["pool"] is { Length: > 0 } pool) refs.Add(new R4VolumeRef(vm, names.Value[i], pool));
            else if (!infos[i].IsOk) failed.Add($"{names.Value[i]} ({infos[i].Message})");
        }
        return (refs, failed.Count == 0 ? null : $"Volume details of VM {vm} could not be read: {string.Join(", ", failed)}");
    }

    private sealed record PoolRead(string Name, R4Pool Pool, QubesdKeyValues? Info, QubesdKeyValues? Usage, string? Error);
}
