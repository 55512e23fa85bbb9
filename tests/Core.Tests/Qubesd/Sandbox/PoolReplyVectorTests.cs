namespace QubesPoolConsole.Core.Tests.Qubesd.Sandbox;

/// <summary>
/// The pool calls of the notes' §8.2/§8.3 vectors against the seeded stand-in, byte for byte (shown with \0 and
/// real newlines). Figures of the simulated vm-pool are what qubesd's <c>_parse_lvm_cache</c> computes from the
/// default lvs rows (400 GiB at 41.7 %, metadata 1 GiB at 22.3 %).
/// </summary>
public sealed class PoolReplyVectorTests : SandboxTests
{
    [Fact]
    public async Task List_InQubesXmlOrder()
        => Assert.Equal("0\\0varlibqubes\nlinux-kernel\nvm-pool\n", await Q.Call("admin.pool.List"));

    [Fact]
    public async Task ListDrivers_NamesParametersInSignatureOrder_Alphabetically()
        => Assert.Equal("0\\0callback conf_id\n"
            + "file revisions_to_keep dir_path ephemeral_volatile\n"
            + "file-reflink revisions_to_keep dir_path setup_check ephemeral_volatile\n"
            + "linux-kernel dir_path\n"
            + "lvm_thin revisions_to_keep volume_group thin_pool ephemeral_volatile\n"
            + "zfs revisions_to_keep container ephemeral_volatile snap_on_start_forensics\n",
            await Q.Call("admin.pool.ListDrivers"));

    [Fact]
    public async Task Info_LvmThin_SortedConfigThenSizeAndUsage()
        => Assert.Equal("0\\0driver=lvm_thin\nephemeral_volatile=False\nname=vm-pool\nrevisions_to_keep=2\n"
            + "thin_pool=vm-pool\nvolume_group=qubes_dom0\nsize=429496729600\nusage=179100136243\n",
            await Q.Call("admin.pool.Info", "vm-pool"));

    [Fact]
    public async Task UsageDetails_LvmThin_DataAndMetadata()
        => Assert.Equal("0\\0data_size=429496729600\ndata_usage=179100136243\nmetadata_size=1073741824\nmetadata_usage=239444426\n",
            await Q.Call("admin.pool.UsageDetails", "vm-pool"));

    [Fact]
    public async Task Info_LinuxKernel_NoSizeAndIncludedInVarlibqubes()
    {
        Assert.Equal($"0\\0dir_path={Q.DataDir}/vm-kernels\ndriver=linux-kernel\nname=linux-kernel\nincluded_in=varlibqubes\n",
            await Q.Call("admin.pool.Info", "linux-kernel"));
        Assert.Equal("0\\0", await Q.Call("admin.pool.UsageDetails", "linux-kernel"));
        Assert.Equal("0\\06.12.0-1.fc41\n", await Q.Call("admin.pool.volume.List", "linux-kernel"));
    }

    [Fact]
    public async Task Info_Varlibqubes_RealStatvfsFigures()
    {
        var info = await Q.Call("admin.pool.Info", "varlibqubes");
        var driver = ReflinkSupport.Observe(Q.Root) ? "file-reflink" : "file";
        var lines = info["0\\0".Length..].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["dir_path=" + Q.DataDir, "driver=" + driver, "ephemeral_volatile=False", "name=varlibqubes", "revisions_to_keep=1"],
            lines[..5]);
        var space = Core.Storage.DiskSpace.Probe(Q.DataDir);
        Assert.Equal("size=" + space.TotalBytes, lines[5]);
        long usage = long.Parse(lines[6]["usage=".Length..]);
        // Used = blocks - bfree, which is at least size - bavail minus the reserved blocks: same order, not equal.
        Assert.InRange(usage, 1, space.TotalBytes!.Value);
        Assert.Equal(7, lines.Length);

        var details = await Q.Call("admin.pool.UsageDetails", "varlibqubes");
        Assert.Matches(@"^0\\0data_size=" + space.TotalBytes + @"\ndata_usage=\d+\n$", details);
    }

    [Fact]
    public async Task AddSetRemove_OkWithEmptyContent()
    {
        var dir = await AddFilePoolAsync("test-pool");
        Assert.Equal("0\\0", await Q.Call("admin.pool.Set.revisions_to_keep", "vm-pool", payload: "2"));
        Assert.Equal("0\\0", await Q.Call("admin.pool.Set.ephemeral_volatile", "vm-pool", payload: "True"));
        Assert.Equal("0\\0", await Q.Call("admin.pool.Remove", "test-pool"));
        Assert.DoesNotContain("test-pool", await Q.Call("admin.pool.List"));
    }

    [Fact]
    public async Task VolumeList_OfAFilePool_ListsTheVmVolumesInIt()
        => Assert.Equal("0\\0appvms/vault/private\nappvms/vault/volatile\n", await Q.Call("admin.pool.volume.List", "varlibqubes"));

    [Fact]
    public async Task PropertyGet_DefaultPools()
    {
        Assert.Equal("0\\0default=False type=str vm-pool", await Q.Call("admin.property.Get", "default_pool"));
        Assert.Equal("0\\0default=True type=str vm-pool", await Q.Call("admin.property.Get", "default_pool_private"));
        Assert.Equal("0\\0default=False type=str linux-kernel", await Q.Call("admin.property.Get", "default_pool_kernel"));
        Assert.Equal("2\\0QubesNoSuchPropertyError\\0\\0Invalid property 'nope' of Qubes\\0",
            await Q.Call("admin.property.Get", "nope"));
    }

    [Fact]
    public async Task PropertySetReset_FollowDefaultPool()
    {
        Assert.Equal("2\\0QubesPropertyValueError\\0\\0No such storage pool\\0", await Q.Call("admin.property.Set", "default_pool_private", payload: "nope"));
        Assert.Equal("0\\0", await Q.Call("admin.property.Set", "default_pool_private", payload: "varlibqubes"));
        Assert.Equal("0\\0default=False type=str varlibqubes", await Q.Call("admin.property.Get", "default_pool_private"));
        Assert.Equal("0\\0", await Q.Call("admin.property.Reset", "default_pool_private"));
        Assert.Equal("0\\0default=True type=str vm-pool", await Q.Call("admin.property.Get", "default_pool_private"));
        // default_pool reset: the computed default is the file pool in the base folder (qubes/app.py _default_pool).
        Assert.Equal("0\\0", await Q.Call("admin.property.Reset", "default_pool"));
        Assert.Equal("0\\0default=True type=str varlibqubes", await Q.Call("admin.property.Get", "default_pool"));
        Assert.Equal("0\\0type=str varlibqubes", await Q.Call("admin.property.GetDefault", "default_pool"));
    }

    [Fact]
    public async Task VmList_DomZeroFirstThenByName_WithUuids()
    {
        var list = await Q.Call("admin.vm.List");
        Assert.Matches(@"^0\\0dom0 class=AdminVM state=Running uuid=00000000-0000-0000-0000-000000000000\n"
            + @"fedora-42 class=TemplateVM state=Halted uuid=[0-9a-f-]{36}\n"
            + @"personal class=AppVM state=Halted uuid=[0-9a-f-]{36}\n"
            + @"sys-net class=AppVM state=Halted uuid=[0-9a-f-]{36}\n"
            + @"vault class=AppVM state=Halted uuid=[0-9a-f-]{36}\n"
            + @"work class=AppVM state=Halted uuid=[0-9a-f-]{36}\n$", list);
        Assert.Matches(@"^0\\0work class=AppVM state=Halted uuid=[0-9a-f-]{36}\n$", await Q.Call("admin.vm.List", dest: "work"));
    }

    [Fact]
    public async Task VmVolumes_ListAndInfo()
    {
        Assert.Equal("0\\0root\nprivate\nvolatile\nkernel\n", await Q.Call("admin.vm.volume.List", dest: "work"));
        Assert.Equal("0\\0pool=vm-pool\nvid=qubes_dom0/vm-work-private\nsize=2147483648\nusage=0\nrw=True\nsource=\n"
            + "path=/dev/qubes_dom0/vm-work-private\nsave_on_stop=True\nsnap_on_start=False\nrevisions_to_keep=2\n"
            + "ephemeral=False\nis_outdated=False\n", await Q.Call("admin.vm.volume.Info", "private", dest: "work"));
        Assert.Equal("", await Q.Call("admin.vm.volume.Info", "nope", dest: "work"));
        Assert.Equal("0\\0", await Q.Call("admin.vm.volume.List", dest: "dom0"));
    }
}
