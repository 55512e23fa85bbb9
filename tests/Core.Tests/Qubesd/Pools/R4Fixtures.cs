namespace QubesPoolConsole.Core.Tests.Qubesd.Pools;

/// <summary>A typical R4.3 LVM install (notes §3.5): vm-pool the default, varlibqubes and linux-kernel beside it.</summary>
internal static class R4Fixtures
{
    public static R4Pool Pool(string name, string driver, params (string Key, string Value)[] options)
        => new(name, driver, options.ToDictionary(o => o.Key, o => o.Value));

    public static readonly R4PoolTable Table = new(
    [
        Pool("varlibqubes", "file", ("dir_path", "/var/lib/qubes"), ("ephemeral_volatile", "False"), ("revisions_to_keep", "1")),
        Pool("linux-kernel", "linux-kernel", ("dir_path", "/var/lib/qubes/vm-kernels")),
        Pool("vm-pool", "lvm_thin", ("volume_group", "qubes_dom0"), ("thin_pool", "vm-pool"), ("ephemeral_volatile", "False"), ("revisions_to_keep", "2")),
        Pool("spare", "file-reflink", ("dir_path", "/mnt/spare"), ("ephemeral_volatile", "False"), ("revisions_to_keep", "1")),
    ]);

    public static readonly IReadOnlyList<R4VolumeRef> Volumes =
    [
        new("work", "private", "vm-pool"),
        new("work", "volatile", "vm-pool"),
        new("work", "kernel", "linux-kernel"),
        new("fedora-41", "root", "vm-pool"),
        new("fedora-41", "private", "vm-pool"),
        new("old", "private", "varlibqubes"),
    ];

    public static readonly R4DefaultPools Defaults = new(
    [
        new(R4DefaultPools.DefaultPool, "vm-pool", false),
        new("default_pool_kernel", "linux-kernel", false),
        new("default_pool_private", "vm-pool", true),
        new("default_pool_root", "vm-pool", true),
        new("default_pool_volatile", "vm-pool", true),
    ]);

    /// <summary>The ListDrivers reply of R4.3 as Qubes' own handlers give it (alphabetical; notes §8.3).</summary>
    public const string ListDrivers =
        "callback conf_id\n" +
        "file revisions_to_keep dir_path ephemeral_volatile\n" +
        "file-reflink revisions_to_keep dir_path setup_check ephemeral_volatile\n" +
        "linux-kernel dir_path\n" +
        "lvm_thin revisions_to_keep volume_group thin_pool ephemeral_volatile\n" +
        "zfs revisions_to_keep container ephemeral_volatile snap_on_start_forensics\n";

    public static R4PoolState State(R4Release release = R4Release.R4_3)
        => new(Table, Volumes, Defaults, R4DriverTable.FromListDrivers(ListDrivers), release);
}
