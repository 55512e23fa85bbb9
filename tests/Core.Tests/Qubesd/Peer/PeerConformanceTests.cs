namespace QubesPoolConsole.Core.Tests.Qubesd.Peer;

/// <summary>
/// The client against Qubes' own qubesd handlers: every call the console makes, and how it reads the real replies.
/// Run once per release by the derived classes; each test uses its own pool names, so they share one peer.
/// </summary>
public abstract class PeerConformanceTests
{
    private readonly QubesdPeer _peer;

    protected PeerConformanceTests(QubesdPeer peer) => _peer = peer;

    /// <summary>True on release4.3, false on release4.2.</summary>
    protected abstract bool IsR43 { get; }

    private QubesdClient Client() => new(new QubesdClientOptions { SocketPath = _peer.SocketPath, Timeout = TimeSpan.FromSeconds(30) });

    private string NewPoolDir(string name) => Path.Combine(_peer.Dir, "pools-" + name);

    [PeerFact]
    public async Task PoolList_GivesTheInitialPoolsInOrder()
    {
        using var client = Client();
        var pools = await client.PoolListAsync();
        Assert.True(pools.IsOk, pools.Message + "\n" + _peer.Log);
        Assert.Equal("varlibqubes", pools.Value[0]);
        Assert.Contains("linux-kernel", pools.Value);
    }

    [PeerFact]
    public async Task PoolInfo_SortedConfigThenSizeUsage_AndIncludedIn()
    {
        using var client = Client();
        var info = (await client.PoolInfoAsync("varlibqubes")).Value!;
        Assert.Contains(info["driver"], new[] { "file", "file-reflink" });
        Assert.Equal("varlibqubes", info["name"]);
        Assert.Equal(_peer.BaseDir, info["dir_path"]);
        Assert.Equal("1", info["revisions_to_keep"]);
        Assert.True(info.GetInt64("size") > 0);
        Assert.True(info.GetInt64("usage") >= 0);
        var config = info.Keys.TakeWhile(k => k is not ("size" or "usage" or "included_in")).ToList();
        Assert.Equal(config.Order(StringComparer.Ordinal), config);
        Assert.Equal(["size", "usage"], info.Keys.Skip(config.Count));

        var kernel = (await client.PoolInfoAsync("linux-kernel")).Value!;
        Assert.Equal("linux-kernel", kernel["driver"]);
        Assert.Equal("varlibqubes", kernel["included_in"]);
        Assert.False(kernel.Contains("size"));
    }

    [PeerFact]
    public async Task PoolUsageDetails_DataForFilePools_NothingForKernels()
    {
        using var client = Client();
        var usage = (await client.PoolUsageDetailsAsync("varlibqubes")).Value!;
        Assert.Equal(["data_size", "data_usage"], usage.Keys);
        Assert.True(usage.GetInt64("data_size") >= usage.GetInt64("data_usage"));
        var kernels = await client.PoolUsageDetailsAsync("linux-kernel");
        Assert.True(kernels.IsOk);
        Assert.Equal(0, kernels.Value.Count);
    }

    [PeerFact]
    public async Task UnknownPool_InfoUsageRemove_AreEmptyReplies()
    {
        using var client = Client();
        Assert.Equal(QubesdReplyKind.Empty, (await client.PoolInfoAsync("no-such-pool")).Reply.Kind);
        Assert.Equal(QubesdReplyKind.Empty, (await client.PoolUsageDetailsAsync("no-such-pool")).Reply.Kind);
        var remove = await client.PoolRemoveAsync("no-such-pool");
        Assert.Equal(QubesdReplyKind.Empty, remove.Kind);
        Assert.Equal(QubesdReply.EmptySentence, remove.Message);
    }

    [PeerFact]
    public async Task ListDrivers_HasEveryStockDriverWithItsParameters()
    {
        using var client = Client();
        var drivers = (await client.PoolListDriversAsync()).Value!.ToDictionary(d => d.Name, d => d.Parameters.Order().ToArray());
        Assert.Equal(["dir_path", "ephemeral_volatile", "revisions_to_keep"], drivers["file"]);
        Assert.Equal(["dir_path", "ephemeral_volatile", "revisions_to_keep", "setup_check"], drivers["file-reflink"]);
        Assert.Equal(["dir_path"], drivers["linux-kernel"]);
        Assert.Equal(["ephemeral_volatile", "revisions_to_keep", "thin_pool", "volume_group"], drivers["lvm_thin"]);
        Assert.Equal(["conf_id"], drivers["callback"]);
        Assert.Equal(["container", "ephemeral_volatile", "revisions_to_keep", "snap_on_start_forensics"], drivers["zfs"]);
    }

    [PeerFact]
    public async Task AddSetRemove_FilePool()
    {
        using var client = Client();
        var dir = NewPoolDir("asr");
        var add = await client.PoolAddAsync("file", "asr", [new("dir_path", dir)]);
        Assert.True(add.IsOk, add + "\n" + _peer.Log);
        Assert.Equal(0, add.Content.Length);
        Assert.True(Directory.Exists(Path.Combine(dir, "appvms")));
        Assert.True(Directory.Exists(Path.Combine(dir, "vm-templates")));
        Assert.Contains("asr", (await client.PoolListAsync()).Value!);

        var info = (await client.PoolInfoAsync("asr")).Value!;
        Assert.Equal(("file", dir, "1", "False"), (info["driver"], info["dir_path"], info["revisions_to_keep"], info["ephemeral_volatile"]));

        Assert.True((await client.PoolSetAsync("asr", "revisions_to_keep", "0")).IsOk);
        Assert.Equal("0", (await client.PoolInfoAsync("asr")).Value!["revisions_to_keep"]);
        Assert.True((await client.PoolSetAsync("asr", "ephemeral_volatile", "True")).IsOk);
        Assert.Equal("True", (await client.PoolInfoAsync("asr")).Value!["ephemeral_volatile"]);

        // A file pool keeps at most 1 revision: NotImplementedError, unhandled → empty reply.
        Assert.Equal(QubesdReplyKind.Empty, (await client.PoolSetAsync("asr", "revisions_to_keep", "2")).Kind);
        Assert.Equal(QubesdReplyKind.Empty, (await client.PoolSetAsync("asr", "revisions_to_keep", "abc")).Kind);
        Assert.Equal(QubesdReplyKind.Empty, (await client.PoolSetAsync("asr", "ephemeral_volatile", "maybe")).Kind);

        Assert.True((await client.PoolRemoveAsync("asr")).IsOk);
        Assert.DoesNotContain("asr", (await client.PoolListAsync()).Value!);
        Assert.True(Directory.Exists(dir), "Remove deletes no data");
    }

    [PeerFact]
    public async Task Add_UnknownOption_IsAQubesException()
    {
        using var client = Client();
        var reply = await client.PoolAddAsync("file", "unk", [new("dir_path", NewPoolDir("unk")), new("foo", "1")]);
        Assert.Equal(QubesdReplyKind.QubesException, reply.Kind);
        Assert.Equal(("QubesException", "unexpected driver options: foo"), (reply.ExceptionType, reply.Message));
    }

    [PeerFact]
    public async Task Add_MissingRequiredOption_ExceptionOnR43_EmptyOnR42()
    {
        using var client = Client();
        var reply = await client.PoolAddAsync("file", "noopt", []);
        if (IsR43)
            Assert.Equal(("QubesException", "missing required driver options: dir_path"), (reply.ExceptionType, reply.Message));
        else
            Assert.Equal(QubesdReplyKind.Empty, reply.Kind);
    }

    [PeerFact]
    public async Task Add_BadNameOrExistingName_IsAnEmptyReply()
    {
        using var client = Client();
        var bad = await client.PoolAddAsync("file", "bad name", [new("dir_path", NewPoolDir("bad"))]);
        Assert.Equal(QubesdReplyKind.Empty, bad.Kind);
        Assert.True(bad.IsRefusal);
        var existing = await client.PoolAddAsync("file", "varlibqubes", [new("dir_path", NewPoolDir("dup"))]);
        Assert.Equal(QubesdReplyKind.Empty, existing.Kind);
    }

    [PeerFact]
    public async Task Add_UnknownDriver_IsAQubesException()
    {
        using var client = Client();
        var reply = await client.PoolAddAsync("file_reflink", "ud", [new("dir_path", NewPoolDir("ud"))]);
        Assert.Equal(("QubesException", "unexpected driver name: file_reflink"), (reply.ExceptionType, reply.Message));
    }

    [PeerFact]
    public async Task Remove_PoolInUse_IsQubesPoolInUseError()
    {
        using var client = Client();
        var reply = await client.PoolRemoveAsync("varlibqubes");
        Assert.Equal(QubesdReplyKind.QubesException, reply.Kind);
        Assert.Equal("QubesPoolInUseError", reply.ExceptionType);
        Assert.StartsWith("Storage pool is in use", reply.Message);
    }

    [PeerFact]
    public async Task PropertyGet_DefaultPools()
    {
        using var client = Client();
        var pool = await client.PropertyGetAsync("default_pool");
        Assert.True(pool.IsOk, pool.Message);
        Assert.Equal(("str", "varlibqubes"), (pool.Value.Type, pool.Value.Value));
        var kernel = (await client.PropertyGetAsync("default_pool_kernel")).Value!;
        Assert.Equal(("str", "linux-kernel"), (kernel.Type, kernel.Value));
        var unknown = await client.PropertyGetAsync("no_such_property");
        Assert.Equal(QubesdReplyKind.QubesException, unknown.Reply.Kind);
        Assert.Equal("QubesNoSuchPropertyError", unknown.Reply.ExceptionType);
    }

    [PeerFact]
    public async Task VmList_HasDom0AndTheDemoVms_UuidOnlyOnR43()
    {
        using var client = Client();
        var vms = (await client.VmListAsync()).Value!.ToDictionary(v => v.Name);
        Assert.Equal(("AdminVM", "Running"), (vms["dom0"].Class, vms["dom0"].State));
        Assert.Equal("TemplateVM", vms["fedora-42"].Class);
        Assert.Equal(("AppVM", "Halted"), (vms["work"].Class, vms["work"].State));
        if (IsR43)
            Assert.All(vms.Values, v => Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", v.Uuid));
        else
            Assert.All(vms.Values, v => Assert.Null(v.Uuid));
    }

    [PeerFact]
    public async Task VmVolumes_ListAndInfo()
    {
        using var client = Client();
        var volumes = (await client.VmVolumeListAsync("work")).Value!;
        Assert.Contains("private", volumes);
        Assert.Contains("root", volumes);
        var info = (await client.VmVolumeInfoAsync("work", "private")).Value!;
        Assert.Equal("varlibqubes", info["pool"]);
        Assert.Equal("appvms/work/private", info["vid"]);
        Assert.True(info.GetInt64("size") > 0);
        var missing = await client.VmVolumeListAsync("no-such-vm");
        Assert.Equal(("QubesVMNotFoundError", "No such domain: 'no-such-vm'"), (missing.Reply.ExceptionType, missing.Message));
    }

    [PeerFact]
    public async Task Events_ShowPoolAddAndDeleteAfterTheCalls()
    {
        using var client = Client();
        var stream = client.OpenEvents();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var seen = new List<QubesdEvent>();
        var dir = NewPoolDir("evp");
        await foreach (var e in stream.WithCancellation(cts.Token))
        {
            seen.Add(e);
            if (e.Name == QubesdEvent.ConnectionEstablished)
                Assert.True((await client.PoolAddAsync("file", "evp", [new("dir_path", dir)])).IsOk);
            else if (e.Name == "pool-add" && e.Get("pool") == "evp")
                Assert.True((await client.PoolRemoveAsync("evp")).IsOk);
            else if (e.Name == "pool-delete" && e.Get("pool") == "evp")
                break;
        }
        Assert.Equal(QubesdEvent.ConnectionEstablished, seen[0].Name);
        Assert.Equal("", seen[0].Subject);
        var names = seen.Where(e => e.Get("pool") == "evp").Select(e => e.Name).ToList();
        Assert.Equal(["pool-add", "pool-pre-delete", "pool-delete"], names);
        Assert.False(cts.IsCancellationRequested, "the events came before the timeout");
    }

    [PeerFact]
    public async Task Events_UnknownDestination_EndsWithTheException()
    {
        using var client = Client();
        var stream = client.OpenEvents("no-such-vm");
        await foreach (var _ in stream) Assert.Fail("no event expected");
        Assert.Equal("QubesVMNotFoundError", stream.Ended!.ExceptionType);
    }

    [PeerFact]
    public async Task SetRevisionsMinusOne_AllowedOnR43_EmptyOnR42()
    {
        using var client = Client();
        Assert.True((await client.PoolAddAsync("file", "rev", [new("dir_path", NewPoolDir("rev"))])).IsOk);
        var set = await client.PoolSetAsync("rev", "revisions_to_keep", "-1");
        if (IsR43)
        {
            Assert.True(set.IsOk, set.ToString());
            Assert.Equal("-1", (await client.PoolInfoAsync("rev")).Value!["revisions_to_keep"]);
        }
        else
        {
            Assert.Equal(QubesdReplyKind.Empty, set.Kind);
            Assert.Equal("1", (await client.PoolInfoAsync("rev")).Value!["revisions_to_keep"]);
        }
        Assert.Equal(QubesdReplyKind.Empty, (await client.PoolSetAsync("rev", "revisions_to_keep", "-2")).Kind);
        Assert.True((await client.PoolRemoveAsync("rev")).IsOk);
    }

    [PeerFact]
    public async Task AddWithLowercaseTrue_EmptyOnR43_StoredRawOnR42()
    {
        using var client = Client();
        var add = await client.PoolAddAsync("file", "lct", [new("dir_path", NewPoolDir("lct")), new("ephemeral_volatile", "true")]);
        if (IsR43)
        {
            // parse_bool takes only True/1/on/False/0/off: send exactly True or False.
            Assert.Equal(QubesdReplyKind.Empty, add.Kind);
            return;
        }
        Assert.True(add.IsOk, add.ToString());
        Assert.Equal("true", (await client.PoolInfoAsync("lct")).Value!["ephemeral_volatile"]);
        Assert.True((await client.PoolRemoveAsync("lct")).IsOk);
    }

    [PeerFact]
    public async Task DriverSetupFailures_AreStoragePoolExceptions()
    {
        using var client = Client();
        var reflink = await client.PoolAddAsync("file-reflink", "rfl", [new("dir_path", NewPoolDir("rfl"))]);
        if (reflink.IsOk)
        {
            // The peer's temp folder supports reflinks: nothing to refuse here.
            Assert.True((await client.PoolRemoveAsync("rfl")).IsOk);
        }
        else
        {
            Assert.Equal("StoragePoolException", reflink.ExceptionType);
            Assert.Contains("does not support reflinks", reflink.Message);
            Assert.False(Directory.Exists(NewPoolDir("rfl")), "the probe removes the folder it made");
        }
        var lvm = await client.PoolAddAsync("lvm_thin", "lvt", [new("thin_pool", "vm-pool"), new("volume_group", "qubes_dom0")]);
        Assert.Equal(("StoragePoolException", "Thin pool qubes_dom0/vm-pool does not exist"), (lvm.ExceptionType, lvm.Message));
        var zfs = await client.PoolAddAsync("zfs", "zf", [new("container", "tank/qubes")]);
        Assert.Equal(("StoragePoolException", "ZFS is not available on this system"), (zfs.ExceptionType, zfs.Message));
        var missingParent = await client.PoolAddAsync("file", "mp", [new("dir_path", Path.Combine(NewPoolDir("mp"), "child"))]);
        Assert.Equal(QubesdReplyKind.Empty, missingParent.Kind);
    }

    [PeerFact]
    public async Task KernelPool_RevisionsOtherThanZero_IsQubesValueError()
    {
        using var client = Client();
        Assert.True((await client.PoolAddAsync("linux-kernel", "lk", [new("dir_path", NewPoolDir("lk"))])).IsOk);
        var set = await client.PoolSetAsync("lk", "revisions_to_keep", "1");
        Assert.Equal(("QubesValueError", "LinuxKernel supports only revisions_to_keep=0"), (set.ExceptionType, set.Message));
        Assert.True((await client.PoolRemoveAsync("lk")).IsOk);
    }

    [PeerFact]
    public async Task DefaultPoolPrivate_SetBlocksRemove_ResetFollowsDefaultPool()
    {
        using var client = Client();
        Assert.True((await client.PoolAddAsync("file", "dpp", [new("dir_path", NewPoolDir("dpp"))])).IsOk);
        Assert.True((await client.PropertySetAsync("default_pool_private", "dpp")).IsOk);
        Assert.Equal(new QubesdProperty(false, "str", "dpp"), (await client.PropertyGetAsync("default_pool_private")).Value);
        var remove = await client.PoolRemoveAsync("dpp");
        Assert.Equal(("QubesPoolInUseError", "Storage pool is in use: set as default_pool_private"), (remove.ExceptionType, remove.Message));
        Assert.True((await client.PropertyResetAsync("default_pool_private")).IsOk);
        Assert.Equal(new QubesdProperty(true, "str", "varlibqubes"), (await client.PropertyGetAsync("default_pool_private")).Value);
        Assert.True((await client.PoolRemoveAsync("dpp")).IsOk);
        var bad = await client.PropertySetAsync("default_pool", "no-such-pool");
        Assert.Equal(("QubesPropertyValueError", "No such storage pool"), (bad.ExceptionType, bad.Message));
    }

    [PeerFact]
    public async Task PoolVolumeList_FileAndKernelPools()
    {
        using var client = Client();
        var volumes = (await client.PoolVolumeListAsync("varlibqubes")).Value!;
        Assert.Contains("appvms/work/private", volumes);
        Assert.Contains("vm-templates/fedora-42/root", volumes);
        Assert.Equal(["6.12.0-1.fc41"], (await client.PoolVolumeListAsync("linux-kernel")).Value);
        // Listed in the Admin API docs, not implemented in qubesd: no such method → empty reply.
        Assert.Equal(QubesdReplyKind.Empty, (await client.CallAsync("admin.pool.volume.Info", "varlibqubes")).Kind);
    }

    [PeerFact]
    public async Task PoolVolumeReader_MatchesEveryVolumeOfTheFilePoolToItsVm()
    {
        using var client = Client();
        var volumes = await new QubesPoolConsole.Core.Qubesd.Volumes.R4PoolVolumeReader(client).ReadAsync("varlibqubes");
        Assert.Empty(volumes.Problems);
        Assert.DoesNotContain(volumes.Rows, r => r.Error is not null);
        var work = Assert.Single(volumes.Rows, r => r is { Vm: "work", Volume: "private" });
        Assert.Equal("appvms/work/private", work.Vid);
        Assert.True(work.Size > 0);
        Assert.Equal("vm-templates/fedora-42/root", Assert.Single(volumes.Rows, r => r is { Vm: "work", Volume: "root" }).Source);
    }

    [PeerFact]
    public async Task ParallelCalls_AllAnswered()
    {
        using var client = new QubesdClient(new QubesdClientOptions { SocketPath = _peer.SocketPath, MaxParallelCalls = 4 });
        var replies = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => client.PoolInfoAsync(i % 2 == 0 ? "varlibqubes" : "linux-kernel")));
        Assert.All(replies, r => Assert.True(r.IsOk, r.Message));
    }
}
