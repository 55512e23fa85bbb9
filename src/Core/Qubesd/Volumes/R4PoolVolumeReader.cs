using QubesPoolConsole.Core.Qubesd.Wire;

namespace QubesPoolConsole.Core.Qubesd.Volumes;

/// <summary>
/// Reads every volume of one pool: <c>admin.vm.List</c>, then each VM's volumes through
/// <see cref="R4VmVolumeReader"/> (at most <see cref="R4VmVolumeReader.MaxParallelVms"/> VMs at once), and
/// <c>admin.pool.volume.List</c> for the volumes no VM owns. A VM or volume that fails to read keeps its error in
/// its own row.
/// </summary>
public sealed class R4PoolVolumeReader
{
    private readonly IQubesdClient _client;

    /// <summary>A reader over <paramref name="client"/>.</summary>
    public R4PoolVolumeReader(IQubesdClient client) => _client = client;

    /// <summary>Reads the volumes of <paramref name="pool"/> now.</summary>
    public async Task<R4PoolVolumes> ReadAsync(string pool, CancellationToken cancellationToken = default)
    {
        var poolListTask = _client.PoolVolumeListAsync(pool, cancellationToken);
        var vms = await _client.VmListAsync(cancellationToken).ConfigureAwait(false);
        var problems = new List<string>();
        var rows = new List<R4PoolVolume>();
        if (vms.IsOk)
        {
            // dom0 (AdminVM) owns no pool volumes; R4.3 answers an empty list for it anyway.
            var perVm = await new R4VmVolumeReader(_client).ReadAsync(vms.Value.Where(v => v.Class != "AdminVM"), cancellationToken).ConfigureAwait(false);
            rows.AddRange(perVm.SelectMany(vm => InPool(vm, pool)));
        }
        else problems.Add($"The VM list could not be read, so no volume can be matched to its VM: {vms.Message}");

        var listed = await poolListTask.ConfigureAwait(false);
        if (listed.IsOk)
        {
            var owned = rows.Where(r => r.Vid is not null).Select(r => r.Vid!).ToHashSet(StringComparer.Ordinal);
            rows.AddRange(listed.Value.Where(vid => !owned.Contains(vid)).Select(vid => new R4PoolVolume(null, null, vid, null, null, null, null, null)));
        }
        else problems.Add($"The pool's own volume list could not be read, so volumes no VM owns are not shown: {listed.Message}");
        return new R4PoolVolumes(pool, rows, problems);
    }

    // A VM whose volumes cannot be listed, or a volume whose Info fails, may be in the pool: its error gets a row.
    private static IEnumerable<R4PoolVolume> InPool(R4VmVolumes vm, string pool)
    {
        if (vm.Error is { } error) return [new R4PoolVolume(vm.Vm, null, null, null, null, null, null, error)];
        return vm.Volumes.Where(v => v.Error is not null || v.Pool == pool)
            .Select(v => new R4PoolVolume(vm.Vm, v.Name, v.Vid, v.Size, v.Usage, v.RevisionsToKeep, v.Source, v.Error));
    }
}
