using QubesPoolConsole.Core.Qubesd.Wire;

namespace QubesPoolConsole.Core.Qubesd.Volumes;

/// <summary>
/// Reads VMs' volumes: <c>admin.vm.volume.List</c>, then every volume's <c>Info</c> at once, for at most
/// <see cref="MaxParallelVms"/> VMs at a time (qubesd serves each call in turn; more would only queue). A VM or
/// volume that fails to read keeps its error in its own entry.
/// </summary>
public sealed class R4VmVolumeReader
{
    /// <summary>How many VMs are read at once.</summary>
    public const int MaxParallelVms = 8;

    private readonly IQubesdClient _client;

    /// <summary>A reader over <paramref name="client"/>.</summary>
    public R4VmVolumeReader(IQubesdClient client) => _client = client;

    /// <summary>Reads <c>admin.vm.List</c>, then the volumes of every VM it names.</summary>
    public async Task<R4VmVolumeListing> ReadAsync(CancellationToken cancellationToken = default)
    {
        var vms = await _client.VmListAsync(cancellationToken).ConfigureAwait(false);
        if (!vms.IsOk) return new R4VmVolumeListing([], $"The VM list could not be read: {vms.Message}");
        return new R4VmVolumeListing(await ReadAsync(vms.Value, cancellationToken).ConfigureAwait(false), null);
    }

    /// <summary>Reads the volumes of <paramref name="vms"/>, in their order.</summary>
    public async Task<IReadOnlyList<R4VmVolumes>> ReadAsync(IEnumerable<QubesdVmEntry> vms, CancellationToken cancellationToken = default)
    {
        using var slots = new SemaphoreSlim(MaxParallelVms);
        return await Task.WhenAll(vms.Select(v => ReadVmAsync(v, slots, cancellationToken))).ConfigureAwait(false);
    }

    /// <summary>Reads the volumes of one VM (e.g. one just created), whose class the caller knows.</summary>
    public async Task<R4VmVolumes> ReadAsync(string vm, string? vmClass, CancellationToken cancellationToken = default)
    {
        var names = await _client.VmVolumeListAsync(vm, cancellationToken).ConfigureAwait(false);
        if (!names.IsOk) return new R4VmVolumes(vm, vmClass, [], $"The volumes of VM {vm} could not be listed: {names.Message}");
        var infos = await Task.WhenAll(names.Value.Select(n => _client.VmVolumeInfoAsync(vm, n, cancellationToken))).ConfigureAwait(false);
        return new R4VmVolumes(vm, vmClass, [.. names.Value.Zip(infos, (n, i) => Volume(vm, n, i))], null);
    }

    private async Task<R4VmVolumes> ReadVmAsync(QubesdVmEntry vm, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ReadAsync(vm.Name, vm.Class, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
        }
    }

    private static R4VmVolume Volume(string vm, string name, QubesdResult<QubesdKeyValues> info)
    {
        if (!info.IsOk) return new R4VmVolume(name, null, null, null, null, null, null, null, $"Volume {name} of VM {vm} could not be read: {info.Message}");
        var i = info.Value;
        return new R4VmVolume(name, i["pool"], i["vid"], i.GetInt64("size"), i.GetInt64("usage"), i.GetInt64("revisions_to_keep"),
            i["source"] is { Length: > 0 } s ? s : null, i.GetBool("rw"), null);
    }
}
