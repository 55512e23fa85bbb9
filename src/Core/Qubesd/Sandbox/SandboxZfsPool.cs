namespace QubesPoolConsole.Core.Qubesd.Sandbox;

/// <summary>
/// qubes.storage.zfs.ZFSPool against <see cref="QubesdSandboxOptions.Zpools"/>: Add needs the zfs tools and an
/// existing zpool (the container dataset is "created" in it); size and usage are the zpool's.
/// </summary>
internal sealed class SandboxZfsPool : SandboxPool
{
    private readonly string _container;
    private readonly bool _snapOnStartForensics;

    public SandboxZfsPool(SandboxEnvironment env, string name, string revisionsToKeep, string container,
        string ephemeralVolatile, string snapOnStartForensics)
        : base(env, name, revisionsToKeep, ephemeralVolatile)
    {
        _container = container;
        // ZFSPool.__init__: int(revisions_to_keep), then qubes.property.bool on both flags.
        if (!PyValues.TryInt(RevisionsToKeep, out long n)) throw QubesdRefusal.Empty($"ValueError: int({RevisionsToKeep})");
        RevisionsToKeep = n.ToString();
        EphemeralVolatile = PyValues.Str(PyValues.PropertyBool(EphemeralVolatile));
        _snapOnStartForensics = PyValues.PropertyBool(snapOnStartForensics);
    }

    public override string Driver => "zfs";

    public override IReadOnlyList<KeyValuePair<string, string>> Config =>
    [
        new("name", Name), new("container", _container), new("driver", Driver),
        new("revisions_to_keep", RevisionsToKeep), new("ephemeral_volatile", EphemeralVolatile),
        new("snap_on_start_forensics", PyValues.Str(_snapOnStartForensics)),
    ];

    private string ZpoolName => _container.Split('/')[0];

    private SandboxZpool Zpool => Env.Zpools.FirstOrDefault(z => z.Name == ZpoolName)
        // `zpool list -Hp -o size <pool>` fails; its stderr is the StoragePoolException's message.
        ?? throw QubesdRefusal.Qubes("StoragePoolException", $"cannot open '{ZpoolName}': no such pool\n");

    public override long? Size => Zpool.SizeBytes;

    public override long? Usage => Zpool.SizeBytes - Zpool.FreeBytes;

    public override void Setup()
    {
        if (!Env.ZfsAvailable) throw QubesdRefusal.Qubes("StoragePoolException", "ZFS is not available on this system");
        if (Env.Zpools.All(z => z.Name != ZpoolName))
        {
            throw QubesdRefusal.Qubes("StoragePoolException", $"cannot create '{_container}': no such pool '{ZpoolName}'\n");
        }
        // Otherwise `zfs create -o mountpoint=none -o volmode=dev -o …=true -p <container>` succeeds: nothing to keep.
    }
}
