
namespace QubesPoolConsole.Core.Tests.Qubesd.Backend;

public sealed class R4PoolReaderTests
{
    [Fact]
    public async Task Read_GivesRowsWithKeyTextUsageDefaultsAndVolumeCounts()
    {
        await using var q = new ScriptedQubesd();
        R4Installs.Lvm(q);

        var view = await new R4PoolReader(q.Client).ReadAsync();

        Assert.True(view.IsLoaded, view.Error);
        Assert.Empty(view.Problems);
        Assert.Equal(["varlibqubes", "linux-kernel", "vm-pool"], view.Rows.Select(r => r.Name));
        var lvm = view.Row("vm-pool")!;
        Assert.Equal("lvm_thin", lvm.Driver);
        Assert.Equal("qubes_dom0/vm-pool", lvm.KeyText);
        Assert.Equal(new R4Usage(1000, 920), lvm.Data);
        Assert.Equal(R4UsageLevel.Warning, lvm.Data!.Level);
        Assert.Equal(new R4Usage(100, 96), lvm.Metadata);
        Assert.Equal(R4UsageLevel.Critical, lvm.Metadata!.Level);
        Assert.Equal(R4UsageLevel.Critical, lvm.Level);
        Assert.Equal(["default_pool", "default_pool_private", "default_pool_root", "default_pool_volatile"], lvm.DefaultFor);
        Assert.Equal(6, lvm.VolumeCount);

        var kernel = view.Row("linux-kernel")!;
        Assert.Equal("/var/lib/qubes/vm-kernels", kernel.KeyText);
        Assert.Equal(["default_pool_kernel"], kernel.DefaultFor);
        Assert.Equal(2, kernel.VolumeCount);
        Assert.Null(kernel.Data);

        var file = view.Row("varlibqubes")!;
        Assert.Equal(R4UsageLevel.Normal, file.Data!.Level);
        Assert.Empty(file.DefaultFor);
        Assert.Equal(0, file.VolumeCount);

        Assert.Equal(R4Release.R4_3, view.State.Release);
        Assert.Equal(8, view.State.Volumes.Count);
        Assert.Equal("vm-pool", view.State.Defaults["default_pool_private"].Value);
        Assert.True(view.State.Defaults["default_pool_private"].IsDefault);
        Assert.Equal(["file", "file-reflink", "linux-kernel", "lvm_thin"], view.State.Drivers.Select(d => d.Name));
    }

    [Fact]
    public async Task Read_IncludedInPoolIsNotCountedTwiceInTheTotal()
    {
        await using var q = new ScriptedQubesd();
        R4Installs.Lvm(q);
        // A second file pool on the same file system reports the same figures and says so.
        q.PoolList("varlibqubes", "linux-kernel", "vm-pool", "backup");
        q.Pool("backup", "dir_path=/var/lib/qubes/backup\ndriver=file\nname=backup\nrevisions_to_keep=1\nsize=1000\nusage=500\nincluded_in=varlibqubes\n",
            "data_size=1000\ndata_usage=500\n");

        var view = await new R4PoolReader(q.Client).ReadAsync();

        var backup = view.Row("backup")!;
        Assert.Equal("varlibqubes", backup.IncludedIn);
        Assert.Equal(new R4Usage(1000, 500), backup.Data);
        Assert.False(backup.CountsInTotal);
        Assert.False(view.Row("linux-kernel")!.CountsInTotal);
        Assert.Equal(new R4Usage(2000, 1420), view.Total);
    }

    [Fact]
    public async Task Read_APoolWhoseInfoOrUsageFails_ShowsItsErrorInItsRow_TheRestLoads()
    {
        await using var q = new ScriptedQubesd();
        R4Installs.Lvm(q);
        q.PoolList("varlibqubes", "unplugged", "linux-kernel", "vm-pool", "usb");
        // Info and UsageDetails both empty (as for an unknown pool), and one whose usage raises.
        q.Pool("usb", "dir_path=/mnt/usb\ndriver=file-reflink\nname=usb\nrevisions_to_keep=1\n");
        q.Raise("admin.pool.UsageDetails+usb dom0 name dom0", "StoragePoolException", "/mnt/usb is not mounted");

        var view = await new R4PoolReader(q.Client).ReadAsync();

        Assert.True(view.IsLoaded);
        Assert.Equal(5, view.Rows.Count);
        var unplugged = view.Row("unplugged")!;
        Assert.Equal(QubesdReply.EmptySentence, unplugged.Error);
        Assert.Null(unplugged.Driver);
        Assert.False(unplugged.CountsInTotal);
        var usb = view.Row("usb")!;
        Assert.Equal("/mnt/usb is not mounted", usb.Error);
        Assert.Equal("file-reflink", usb.Driver);
        Assert.Equal("/mnt/usb", usb.KeyText);
        Assert.Null(usb.Data);
        Assert.All(view.Rows.Where(r => r.Name is "varlibqubes" or "vm-pool" or "linux-kernel"), r => Assert.Null(r.Error));
        Assert.Equal(new R4Usage(2000, 1420), view.Total);
        // The unreadable pool still takes its name: adding another pool called so is refused before sending.
        var plan = R4Planner.Plan(view.State, [R4PoolChange.AddPool(R4PoolAddRequest.Of("unplugged", "file", ("dir_path", "/srv/x")))]);
        Assert.Contains(plan.Findings, f => f.Code == R4Codes.PoolExists);
    }

    [Fact]
    public async Task Read_PoolListFails_IsAWholeViewErrorWithTheSentence()
    {
        await using var q = new ScriptedQubesd();
        R4Installs.Lvm(q);
        q.Raise("admin.pool.List+ dom0 name dom0", "QubesException", "qubes.xml is locked");

        var view = await new R4PoolReader(q.Client).ReadAsync();

        Assert.False(view.IsLoaded);
        Assert.Null(view.State);
        Assert.Empty(view.Rows);
        Assert.Equal("The pool list could not be read: qubes.xml is locked", view.Error);
    }

    [Fact]
    public async Task Read_NoUuidInVmList_IsR42_AndAVmWhoseVolumesFailIsAProblemNotAnError()
    {
        await using var q = new ScriptedQubesd();
        R4Installs.Lvm(q, uuid: false);
        q.Empty("admin.vm.volume.List+ dom0 name work");

        var view = await new R4PoolReader(q.Client).ReadAsync();

        Assert.True(view.IsLoaded);
        Assert.Equal(R4Release.R4_2, view.State.Release);
        Assert.Equal(3, view.Row("vm-pool")!.VolumeCount);
        var problem = Assert.Single(view.Problems);
        Assert.Equal($"The volumes of VM work could not be listed: {QubesdReply.EmptySentence}", problem);
    }

    [Fact]
    public async Task Read_SendsOnlyReadCalls_AndNoneForDom0Volumes()
    {
        await using var q = new ScriptedQubesd();
        R4Installs.Lvm(q);

        await new R4PoolReader(q.Client).ReadAsync();

        Assert.Empty(q.Writes);
        var headers = q.Requests.Select(r => Encoding.UTF8.GetString(r).Split('\0')[0]).ToList();
        Assert.DoesNotContain(headers, h => h.EndsWith("name dom0", StringComparison.Ordinal) && h.StartsWith("admin.vm.volume", StringComparison.Ordinal));
        Assert.Contains("admin.pool.UsageDetails+vm-pool dom0 name dom0", headers);
        Assert.Contains("admin.vm.volume.Info+kernel dom0 name work", headers);
        Assert.Equal(5, headers.Count(h => h.StartsWith("admin.property.Get+default_pool", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(100, 89, R4UsageLevel.Normal)]
    [InlineData(1000, 899, R4UsageLevel.Normal)]
    [InlineData(100, 90, R4UsageLevel.Warning)]
    [InlineData(1000, 949, R4UsageLevel.Warning)]
    [InlineData(100, 95, R4UsageLevel.Critical)]
    [InlineData(100, 100, R4UsageLevel.Critical)]
    [InlineData(0, 0, R4UsageLevel.Unknown)]
    public void UsageLevel_FollowsTheDiskWidgetBands(long size, long used, R4UsageLevel expected)
        => Assert.Equal(expected, new R4Usage(size, used).Level);
}
