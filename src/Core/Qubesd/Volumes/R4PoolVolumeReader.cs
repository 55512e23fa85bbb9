using QubesPoolConsole.Core.Qubesd.Wire;

namespace QubesPoolConsole.Core.Qubesd.Volumes;

/// <summary>
/// Reads every volume of one pool: <c>admin.vm.List</c>, then <c>admin.vm.volume.List</c>/<c>Info</c> per VM (at
/// most <see cref="MaxParallelVms"/> VMs at once), and <c>admin.pool.volume.List</c> for the volumes no VM owns.
/// A VM or volume that fails to read keeps its error in its own row.
/// </summary>
public sealed class R4PoolVolumeReader
{
    /// <summary>How many VMs are read at once.</summary>
    public const int MaxParallelVms = 8;

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
            using var slots = new SemaphoreSlim(MaxParallelVms);
            // dom0 (AdminVM) owns no pool volumes; R4.3 answers an empty list for it anyway.
            var perVm = await Task.WhenAll(vms.Value.Where(v => v.Class != "AdminVM")
                .Select(v => ReadVmAsync(v.Name, pool, slots, cancellationToken))).ConfigureAwait(false);
            rows.AddRange(perVm.SelectMany(r => r));
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

    private async Task<IReadOnlyList<R4PoolVolume>> ReadVmAsync(string vm, string pool, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var names = await _client.VmVolumeListAsync(vm, cancellationToken).ConfigureAwait(false);
            if (!names.IsOk) return [new R4PoolVolume(vm, null, null, null, null, null, null, $"The volumes of VM {vm} could not be listed: {names.Message}")];
            var infos = await Task.WhenAll(names.Value.Select(n => _client.VmVolumeInfoAsync(vm, n, cancellationToken))).ConfigureAwait(false);
            var rows = new List<R4PoolVolume>();
            for (int i = 0; i < infos.Length; i++)
            {
                if (!infos[i].IsOk)
                {
                    rows.Add(new R4PoolVolume(vm, names.Value[i], null, null, null, null, null, $"Volume {names.Value[i]} of VM {vm} could not be read: {infos[i].Message}"));
                    continue;
                }
                var info = infos[i].Value!;
                if (info["pool"] != pool) continue;
                rows.Add(new R4PoolVolume(vm, names.Value[i], info["vid"], info.GetInt64("size"), info.GetInt64("usage"),
                    info.GetInt64("revisions_to_keep"), info["source"] is { Length: > 0 } s ? s : null, null));
            }
            return rows;
        }
        finally
        {
            slots.Release();
        }
    }
}
