namespace QubesPoolConsole.Core.Tests.Qubesd.Pools;

/// <summary>The driver table against the constructors of core-admin release4.3 (qubes/storage/*.py).</summary>
public class R4DriverTableTests
{
    // driver, required, optional=default (| separated), settable, key options, max revisions
    public static TheoryData<string, string, string, string, string, int?> Drivers() => new()
    {
        { "file", "dir_path", "revisions_to_keep=1|ephemeral_volatile=False", "revisions_to_keep|ephemeral_volatile", "dir_path", 1 },
        { "file-reflink", "dir_path", "revisions_to_keep=1|setup_check=True|ephemeral_volatile=False", "revisions_to_keep|ephemeral_volatile", "dir_path", null },
        { "lvm_thin", "volume_group|thin_pool", "revisions_to_keep=1|ephemeral_volatile=False", "revisions_to_keep|ephemeral_volatile", "volume_group|thin_pool", null },
        { "zfs", "container", "revisions_to_keep=1|ephemeral_volatile=False|snap_on_start_forensics=False", "revisions_to_keep|ephemeral_volatile", "container", null },
        { "linux-kernel", "dir_path", "", "", "dir_path", 0 },
        { "callback", "conf_id", "", "", "", null },
    };

    [Theory]
    [MemberData(nameof(Drivers))]
    public void Driver_HasTheConstructorsOptions(string name, string required, string optional, string settable, string key, int? maxRevisions)
    {
        var d = R4DriverTable.Find(name)!;
        Assert.True(d.IsKnown);
        Assert.Equal(Split(required), d.RequiredOptions.Select(o => o.Name));
        Assert.Equal(Split(optional), d.Options.Where(o => !o.Required).Select(o => $"{o.Name}={o.Default}"));
        Assert.Equal(Split(settable), d.SettableOptions.Select(o => o.Name));
        Assert.Equal(Split(key), d.KeyOptions);
        Assert.Equal(maxRevisions, d.MaxRevisions);
        Assert.All(d.RequiredOptions, o => Assert.Null(o.Default));
        Assert.All(d.Options, o => Assert.False(string.IsNullOrWhiteSpace(o.Help)));
    }

    [Fact]
    public void OptionTypes_FollowHowTheDriversParseThem()
    {
        Assert.Equal(R4OptionType.Path, R4DriverTable.File.Option("dir_path")!.Type);
        Assert.Equal(R4OptionType.Revisions, R4DriverTable.LvmThin.Option("revisions_to_keep")!.Type);
        Assert.Equal(R4OptionType.Bool, R4DriverTable.Zfs.Option("snap_on_start_forensics")!.Type);
        Assert.Equal(R4OptionType.LvmName, R4DriverTable.LvmThin.Option("thin_pool")!.Type);
        Assert.Equal(R4OptionType.ZfsDataset, R4DriverTable.Zfs.Option("container")!.Type);
        Assert.Equal(R4OptionType.Text, R4DriverTable.Callback.Option("conf_id")!.Type);
        // reflink.py:133-141: setup_check is not part of the pool's config.
        Assert.False(R4DriverTable.FileReflink.Option("setup_check")!.Persisted);
        Assert.True(R4DriverTable.Zfs.Option("snap_on_start_forensics")!.Persisted);
    }

    [Fact]
    public void ListDrivers_OfR43_GivesTheTableEntries()
    {
        var drivers = R4DriverTable.FromListDrivers(R4Fixtures.ListDrivers);
        Assert.Equal(["callback", "file", "file-reflink", "linux-kernel", "lvm_thin", "zfs"], drivers.Select(d => d.Name));
        Assert.All(drivers, d => Assert.Same(R4DriverTable.Find(d.Name), d));
    }

    [Fact]
    public void ListDrivers_UnknownDriver_GetsFreeFormOptions()
    {
        var drivers = R4DriverTable.FromListDrivers("file revisions_to_keep dir_path ephemeral_volatile\nbtrfs_sub subvolume dir_path revisions_to_keep\n");
        var custom = drivers.Single(d => d.Name == "btrfs_sub");
        Assert.False(custom.IsKnown);
        Assert.Equal(["subvolume", "dir_path", "revisions_to_keep"], custom.Options.Select(o => o.Name));
        Assert.All(custom.Options, o => Assert.False(o.Required));
        Assert.Equal(R4OptionType.Text, custom.Option("subvolume")!.Type);
        // The base Pool gives every driver revisions_to_keep with the same parsing, but not the same default.
        Assert.Equal(R4OptionType.Revisions, custom.Option("revisions_to_keep")!.Type);
        Assert.Null(custom.Option("revisions_to_keep")!.Default);
        Assert.Equal(["dir_path"], custom.KeyOptions);
    }

    [Fact]
    public void ListDrivers_KnownDriverWithOtherOptions_KeepsTheListedOnes()
    {
        // e.g. an older file-reflink without setup_check and a newer option
        var d = R4DriverTable.FromListDrivers("file-reflink dir_path revisions_to_keep compress\n").Single();
        Assert.True(d.IsKnown);
        Assert.Equal(["dir_path", "revisions_to_keep", "compress"], d.Options.Select(o => o.Name));
        Assert.Equal(R4OptionType.Path, d.Option("dir_path")!.Type);
        Assert.Equal(R4OptionType.Text, d.Option("compress")!.Type);
    }

    [Fact]
    public void ListDrivers_EmptyReply_GivesNoDrivers()
        => Assert.Empty(R4DriverTable.FromListDrivers(""));

    [Theory]
    [InlineData("lvm_thin", "qubes_dom0/vm-pool")]
    [InlineData("file", "/var/lib/qubes")]
    [InlineData("callback", null)]
    public void KeyText_ShowsWhereThePoolLives(string driver, string? expected)
    {
        var pool = R4Fixtures.Table.Pools.First(p => p.Driver == driver || (driver == "callback" && p.Driver == "file"));
        var config = driver == "callback" ? new Dictionary<string, string> { ["conf_id"] = "x" } : pool.Config;
        Assert.Equal(expected, R4DriverTable.Find(driver)!.KeyText(config));
    }

    private static string[] Split(string s) => s.Length == 0 ? [] : s.Split('|');
}
