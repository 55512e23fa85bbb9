namespace QubesPoolConsole.Core.Qubesd.Sandbox;

/// <summary>
/// qubes.storage.lvm.ThinPool against the simulated <c>lvs</c> report of <see cref="QubesdSandboxOptions.LogicalVolumes"/>:
/// Add creates nothing and refuses a thin pool that is missing or not a thin pool; sizes come from the report.
/// </summary>
internal sealed class SandboxLvmThinPool(SandboxEnvironment env, string name, string revisionsToKeep,
    string volumeGroup, string thinPool, string ephemeralVolatile)
    : SandboxPool(env, name, revisionsToKeep, ephemeralVolatile)
{
    private readonly string _volumeGroup = volumeGroup;
    private readonly string _thinPool = thinPool;

    public override string Driver => "lvm_thin";

    public override IReadOnlyList<KeyValuePair<string, string>> Config =>
    [
        new("name", Name), new("volume_group", _volumeGroup), new("thin_pool", _thinPool), new("driver", Driver),
        new("revisions_to_keep", RevisionsToKeep), new("ephemeral_volatile", EphemeralVolatile),
    ];

    private SandboxLogicalVolume? Lv => Env.FindLv(_volumeGroup, _thinPool);

    public override long? Size => Lv?.SizeBytes ?? 0;

    // _parse_lvm_cache: int(size / 100 * float(data_percent)).
    public override long? Usage => Lv is { } lv ? (long)(lv.SizeBytes / 100.0 * lv.DataPercent) : 0;

    public override IReadOnlyDictionary<string, string> UsageDetails
    {
        get
        {
            var lv = Lv;
            long metadataSize = lv?.MetadataSizeBytes ?? 0;
            long metadataUsage = lv is null ? 0 : (long)(lv.MetadataSizeBytes / 100.0 * lv.MetadataPercent);
            return new Dictionary<string, string>
            {
                ["data_size"] = Size!.Value.ToString(),
                ["data_usage"] = Usage!.Value.ToString(),
                ["metadata_size"] = metadataSize.ToString(),
                ["metadata_usage"] = metadataUsage.ToString(),
            };
        }
    }

    public override void Setup()
    {
        var key = _volumeGroup + "/" + _thinPool;
        var lv = Lv ?? throw QubesdRefusal.Qubes("StoragePoolException", $"Thin pool {key} does not exist");
        if (!lv.Attributes.StartsWith('t'))
        {
            throw QubesdRefusal.Qubes("StoragePoolException", $"Volume {key} is not a thin pool");
        }
    }

    // ThinPool.list_volumes lists the LVs in the thin pool (not -snap, -import, -back). A VM volume has an LV when it
    // is kept across shutdowns (private, a template's root); a snap_on_start root only exists as -snap while running.
    public override IEnumerable<string> VolumeIds(SandboxState state)
        => state.Domains.SelectMany(vm => vm.Volumes)
            .Where(v => v.Pool == Name && !v.SnapOnStart)
            .Select(v => v.Vid)
            .Distinct();
}
