namespace QubesPoolConsole.Core.Qubesd.Pools;

/// <summary>
/// The pool drivers of Qubes R4.2 and R4.3 as data, read from core-admin release4.3 (same in release4.2 unless
/// noted): each constructor's parameters (qubes/storage/*.py), which qubesd lists in admin.pool.ListDrivers
/// without saying which are required, so the console keeps its own table.
/// </summary>
public static class R4DriverTable
{
    /// <summary>Old revisions kept per volume; the base Pool's default (storage/__init__.py:1000).</summary>
    public const string RevisionsToKeep = "revisions_to_keep";

    /// <summary>Ephemeral-key encryption of volatile volumes; the base Pool's default (storage/__init__.py:1000).</summary>
    public const string EphemeralVolatile = "ephemeral_volatile";

    /// <summary>The directory option of file, file-reflink and linux-kernel pools.</summary>
    public const string DirPath = "dir_path";

    private static readonly R4DriverOption Revisions = new(RevisionsToKeep, R4OptionType.Revisions, false, "1", true, true,
        "How many old revisions of each volume to keep at VM shutdown; copied into volumes created later.");

    private static readonly R4DriverOption Ephemeral = new(EphemeralVolatile, R4OptionType.Bool, false, "False", true, true,
        "Encrypt volatile volumes with a key that is thrown away when the VM stops.");

    private static R4DriverOption Dir(string help) => new(DirPath, R4OptionType.Path, true, null, false, true, help);

    /// <summary>file: FilePool(revisions_to_keep=1, dir_path, ephemeral_volatile=False), file.py:106-125; at most 1 revision (file.py:171-178).</summary>
    public static readonly R4Driver File = new("file",
        [Dir("Directory holding the volume files; qubesd creates it, but not its parent."), Revisions, Ephemeral],
        [DirPath], true, 1, null,
        "Volume files with device-mapper snapshots; deprecated in favour of file-reflink.");

    /// <summary>file-reflink: ReflinkPool(revisions_to_keep=1, dir_path, setup_check=True, ephemeral_volatile=False), reflink.py:73-104,133-141.</summary>
    public static readonly R4Driver FileReflink = new("file-reflink",
        [
            Dir("Directory on a file system with reflinks (Btrfs, XFS); qubesd creates it, but not its parent."),
            Revisions,
            new("setup_check", R4OptionType.Bool, false, "True", false, false,
                "Test that the file system can make reflinks before adding the pool; not saved in qubes.xml."),
            Ephemeral,
        ],
        [DirPath], true, null, null,
        "Volume files copied by reflink (Btrfs, XFS).");

    /// <summary>lvm_thin: ThinPool(revisions_to_keep=1, volume_group, thin_pool, ephemeral_volatile=False), lvm.py:75-116.</summary>
    public static readonly R4Driver LvmThin = new("lvm_thin",
        [
            new("volume_group", R4OptionType.LvmName, true, null, false, true, "The LVM volume group holding the thin pool."),
            new("thin_pool", R4OptionType.LvmName, true, null, false, true, "The existing LVM thin pool (qubesd does not create it)."),
            Revisions,
            Ephemeral,
        ],
        ["volume_group", "thin_pool"], true, null, null,
        "Thin logical volumes in an existing LVM thin pool.");

    /// <summary>zfs: ZFSPool(revisions_to_keep=1, container, ephemeral_volatile=False, snap_on_start_forensics=False), zfs.py:514-568.</summary>
    public static readonly R4Driver Zfs = new("zfs",
        [
            new("container", R4OptionType.ZfsDataset, true, null, false, true, "The ZFS dataset holding the pool's volumes; qubesd creates it if missing."),
            Revisions,
            Ephemeral,
            new("snap_on_start_forensics", R4OptionType.Bool, false, "False", false, true,
                "Keep each AppVM's root volume after shutdown until the next start, for later analysis."),
        ],
        ["container"], true, null, null,
        "ZFS volumes under a container dataset (needs the zfs and zpool tools in dom0).");

    /// <summary>linux-kernel: LinuxKernel(dir_path), kernels.py:167-215: revisions_to_keep is always 0.</summary>
    public static readonly R4Driver LinuxKernel = new("linux-kernel",
        [Dir("Directory with one subdirectory per kernel version (e.g. /var/lib/qubes/vm-kernels).")],
        [DirPath], true, 0,
        "A linux-kernel pool keeps revisions_to_keep at 0 (qubesd answers 'LinuxKernel supports only revisions_to_keep=0' to any other value) and does not save ephemeral_volatile.",
        "Read-only kernel volumes from a directory of kernel versions.");

    /// <summary>callback: CallbackPool(conf_id), callback.py:194-279,388-393.</summary>
    public static readonly R4Driver Callback = new("callback",
        [new("conf_id", R4OptionType.Text, true, null, false, true, "The entry of /etc/qubes_callback.json that names the backing driver and its commands.")],
        [], true, null,
        "A callback pool takes revisions_to_keep and ephemeral_volatile from bdriver_args in /etc/qubes_callback.json; qubesd would pass a change to the backing driver but not save it in qubes.xml, so it would be lost at qubesd's next start.",
        "Another driver wrapped with commands from /etc/qubes_callback.json.");

    /// <summary>Every driver core-admin 4.2 and 4.3 register (setup.py entry points, qubes.storage group).</summary>
    public static IReadOnlyList<R4Driver> Known { get; } = [File, FileReflink, LvmThin, Zfs, LinuxKernel, Callback];

    /// <summary>The table entry for <paramref name="name"/>, or null.</summary>
    public static R4Driver? Find(string name) => Known.FirstOrDefault(d => d.Name == name);

    /// <summary>
    /// The drivers of an <c>admin.pool.ListDrivers</c> reply (<c>driver opt1 opt2…\n</c> per line), in its order. A
    /// known driver keeps the table's entry, limited to the options qubesd listed (others listed become free text);
    /// a driver the table does not know gets free-form options built from the list.
    /// </summary>
    public static IReadOnlyList<R4Driver> FromListDrivers(string reply)
    {
        var drivers = new List<R4Driver>();
        foreach (var line in reply.Split('\n'))
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0) continue;
            var listed = words[1..].Distinct().ToList();
            drivers.Add(Find(words[0]) is { } known ? Restrict(known, listed) : Unknown(words[0], listed));
        }
        return drivers;
    }

    /// <summary>An entry for a driver the table does not know, with the listed options as free text.</summary>
    public static R4Driver Unknown(string name, IReadOnlyList<string> options)
        => new(name, [.. options.Select(FreeOption)], options.Contains(DirPath) ? [DirPath] : [], false, null, null,
            $"The console does not know the driver '{name}'; its options are free text, and which are required is not known.");

    private static R4Driver Restrict(R4Driver known, IReadOnlyList<string> listed)
    {
        var table = known.Options.Select(o => o.Name).ToHashSet();
        if (table.SetEquals(listed)) return known;
        var options = known.Options.Where(o => listed.Contains(o.Name)).Concat(listed.Where(n => !table.Contains(n)).Select(FreeOption));
        return known with { Options = [.. options], KeyOptions = [.. known.KeyOptions.Where(listed.Contains)] };
    }

    // The base Pool gives every driver these two with the same meaning; anything else is opaque text.
    private static R4DriverOption FreeOption(string name) => name switch
    {
        RevisionsToKeep => Revisions with { Default = null },
        EphemeralVolatile => Ephemeral with { Default = null },
        _ => new(name, R4OptionType.Text, false, null, false, true, "An option of this driver; the console cannot check its value."),
    };
}
