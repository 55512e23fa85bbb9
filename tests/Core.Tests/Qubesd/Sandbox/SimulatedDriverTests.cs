namespace QubesPoolConsole.Core.Tests.Qubesd.Sandbox;

/// <summary>lvm_thin against the simulated lvs report, zfs against the simulated zpools.</summary>
public sealed class SimulatedDriverTests
{
    [Fact]
    public async Task LvmThin_OnlyAnExistingThinPoolCanBeAdded()
    {
        await using var q = await SandboxFixture.StartAsync();
        Assert.Equal("2\\0StoragePoolException\\0\\0Thin pool qubes_dom0/nope does not exist\\0",
            await q.Call("admin.pool.Add", "lvm_thin", payload: "name=l1\nvolume_group=qubes_dom0\nthin_pool=nope\n"));
        Assert.Equal("2\\0StoragePoolException\\0\\0Volume qubes_dom0/swap is not a thin pool\\0",
            await q.Call("admin.pool.Add", "lvm_thin", payload: "name=l1\nvolume_group=qubes_dom0\nthin_pool=swap\n"));
        Assert.Equal("0\\0", await q.Call("admin.pool.Add", "lvm_thin", payload: "name=l1\nvolume_group=qubes_dom0\nthin_pool=root-pool\nrevisions_to_keep=3\n"));
        Assert.Equal("0\\0driver=lvm_thin\nephemeral_volatile=False\nname=l1\nrevisions_to_keep=3\nthin_pool=root-pool\n"
            + "volume_group=qubes_dom0\nsize=21474836480\nusage=8267812044\n", await q.Call("admin.pool.Info", "l1"));
        Assert.Equal("0\\0data_size=21474836480\ndata_usage=8267812044\nmetadata_size=25165824\nmetadata_usage=4328521\n",
            await q.Call("admin.pool.UsageDetails", "l1"));
        Assert.Equal("0\\0", await q.Call("admin.pool.volume.List", "l1"));
    }

    [Fact]
    public async Task LvmThin_VolumeList_HasPersistentVolumesOnly()
    {
        await using var q = await SandboxFixture.StartAsync();
        var vids = (await q.Call("admin.pool.volume.List", "vm-pool"))["0\\0".Length..].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("qubes_dom0/vm-fedora-42-root", vids);
        Assert.Contains("qubes_dom0/vm-work-private", vids);
        Assert.DoesNotContain("qubes_dom0/vm-work-root", vids);
    }

    [Fact]
    public async Task LvmThin_WhoseThinPoolVanished_ReportsZeros()
    {
        await using var q = await SandboxFixture.StartAsync();
        Assert.Equal("0\\0", await q.Call("admin.pool.Add", "lvm_thin", payload: "name=l1\nvolume_group=qubes_dom0\nthin_pool=root-pool\n"));
        await q.RestartAsync(o => new QubesdSandboxOptions
        {
            DataDirectory = o.DataDirectory,
            LogicalVolumes = o.LogicalVolumes.Where(lv => lv.Name != "root-pool").ToList(),
        });
        // lvm.py: a thin pool missing from the lvs report has size 0 and usage 0; Info and UsageDetails still answer.
        Assert.EndsWith("\nsize=0\nusage=0\n", await q.Call("admin.pool.Info", "l1"));
        Assert.Equal("0\\0data_size=0\ndata_usage=0\nmetadata_size=0\nmetadata_usage=0\n", await q.Call("admin.pool.UsageDetails", "l1"));
    }

    [Fact]
    public async Task Zfs_AddInAnExistingZpool_SizeFromTheZpool()
    {
        await using var q = await SandboxFixture.StartAsync();
        Assert.Equal("0\\0", await q.Call("admin.pool.Add", "zfs", payload: "name=z1\ncontainer=tank/qubes\nrevisions_to_keep=2\n"));
        Assert.Equal("0\\0container=tank/qubes\ndriver=zfs\nephemeral_volatile=False\nname=z1\nrevisions_to_keep=2\n"
            + "snap_on_start_forensics=False\nsize=1099511627776\nusage=347892350976\n", await q.Call("admin.pool.Info", "z1"));
        Assert.Equal("2\\0StoragePoolException\\0\\0cannot create 'nope/qubes': no such pool 'nope'\n\\0",
            await q.Call("admin.pool.Add", "zfs", payload: "name=z2\ncontainer=nope/qubes\n"));
        Assert.Equal("2\\0QubesValueError\\0\\0Invalid literal for boolean property: 'sure'\\0",
            await q.Call("admin.pool.Add", "zfs", payload: "name=z2\ncontainer=tank/q2\nsnap_on_start_forensics=sure\n"));
    }

    [Fact]
    public async Task Zfs_WithoutTheTools_CannotBeAdded()
    {
        await using var q = await SandboxFixture.StartAsync(tweak: o => new QubesdSandboxOptions
        {
            DataDirectory = o.DataDirectory,
            ZfsAvailable = false,
            Log = o.Log,
        });
        Assert.Equal("2\\0StoragePoolException\\0\\0ZFS is not available on this system\\0",
            await q.Call("admin.pool.Add", "zfs", payload: "name=z1\ncontainer=tank/qubes\n"));
    }
}
