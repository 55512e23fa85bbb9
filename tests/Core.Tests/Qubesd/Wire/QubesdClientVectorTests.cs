namespace QubesPoolConsole.Core.Tests.Qubesd.Wire;

/// <summary>
/// The request/reply pairs of the Qubes test suites (notes §8.2, with the socket header §1.2 derives) through the
/// real client and a real UNIX socket: the exact bytes the client writes, and how it reads the reply.
/// </summary>
public class QubesdClientVectorTests
{
    private static async Task<(byte[] Request, T Result)> Exchange<T>(string reply, Func<IQubesdClient, Task<T>> call)
    {
        await using var server = FakeQubesd.Answering(Bytes.Of(reply));
        using var client = new QubesdClient(new QubesdClientOptions { SocketPath = server.SocketPath, Timeout = TimeSpan.FromSeconds(10) });
        var result = await call(client);
        Assert.True(server.Requests.TryDequeue(out var request));
        Assert.Empty(server.Requests);
        return (request, result);
    }

    private static void AssertRequest(string expected, byte[] actual) => Assert.Equal(Bytes.Show(Bytes.Of(expected)), Bytes.Show(actual));

    [Fact] // 1. CAC tests/tools/qvm_pool.py:30-31
    public async Task PoolList()
    {
        var (request, result) = await Exchange("0\0pool-file\npool-lvm\n", c => c.PoolListAsync());
        AssertRequest("admin.pool.List+ dom0 name dom0\0", request);
        Assert.Equal(["pool-file", "pool-lvm"], result.Value);
    }

    [Fact] // 2. qvm_pool.py:105-107 and CAC tests/storage.py:295-299
    public async Task PoolInfo()
    {
        var (request, result) = await Exchange("0\0driver=lvm\nvolume_group=qubes_dom0\nthin_pool=pool00\n", c => c.PoolInfoAsync("pool-lvm"));
        AssertRequest("admin.pool.Info+pool-lvm dom0 name dom0\0", request);
        Assert.True(result.IsOk);
        Assert.Equal(["driver", "volume_group", "thin_pool"], result.Value.Keys);
        Assert.Equal("lvm", result.Value["driver"]);
        Assert.Equal("pool00", result.Value["thin_pool"]);

        var (_, file) = await Exchange("0\0driver=file\ndir_path=/var/lib/qubes\nname=file\nrevisions_to_keep=3\n", c => c.PoolInfoAsync("file"));
        Assert.Equal("/var/lib/qubes", file.Value!["dir_path"]);
        Assert.Equal(3, file.Value.GetInt64("revisions_to_keep"));
    }

    [Fact] // 4. CA qubes/tests/api_admin.py:944-994 (Info with size, usage, included_in)
    public async Task PoolInfo_WithSizeUsageIncludedIn()
    {
        var (_, result) = await Exchange("0\0param1=value1\nparam2=value2\nsize=204800\nusage=102400\nincluded_in=pool1\n", c => c.PoolInfoAsync("pool2"));
        Assert.Equal(204800, result.Value!.GetInt64("size"));
        Assert.Equal(102400, result.Value.GetInt64("usage"));
        Assert.Equal("pool1", result.Value["included_in"]);
        Assert.Null(result.Value["missing"]);
    }

    [Fact] // 3. qvm_pool.py:48-51, tests/storage.py:361-364
    public async Task PoolListDrivers()
    {
        var (request, result) = await Exchange("0\0file dir_path revisions_to_keep\nlvm volume_group thin_pool revisions_to_keep\n", c => c.PoolListDriversAsync());
        AssertRequest("admin.pool.ListDrivers+ dom0 name dom0\0", request);
        Assert.Equal(2, result.Value!.Count);
        Assert.Equal("file", result.Value[0].Name);
        Assert.Equal(["dir_path", "revisions_to_keep"], result.Value[0].Parameters);
        Assert.Equal(["volume_group", "thin_pool", "revisions_to_keep"], result.Value[1].Parameters);
    }

    [Fact] // 4. tests/storage.py:312-317
    public async Task PoolUsageDetails()
    {
        var (request, result) = await Exchange("0\0data_size=204800\ndata_usage=102400\nmetadata_size=1024\nmetadata_usage=50\n", c => c.PoolUsageDetailsAsync("lvm"));
        AssertRequest("admin.pool.UsageDetails+lvm dom0 name dom0\0", request);
        Assert.Equal(204800, result.Value!.GetInt64("data_size"));
        Assert.Equal(102400, result.Value.GetInt64("data_usage"));
        Assert.Equal(1024, result.Value.GetInt64("metadata_size"));
        Assert.Equal(50, result.Value.GetInt64("metadata_usage"));
    }

    [Fact] // 8.3: linux-kernel has no usage
    public async Task PoolUsageDetails_EmptyIsNoKeys()
    {
        var (_, result) = await Exchange("0\0", c => c.PoolUsageDetailsAsync("linux-kernel"));
        Assert.True(result.IsOk);
        Assert.Equal(0, result.Value.Count);
    }

    [Fact] // 5. qvm_pool.py:63-65 and tests/storage.py:370-376
    public async Task PoolAdd()
    {
        var (request, reply) = await Exchange("0\0", c => c.PoolAddAsync("file", "test-pool", [new("dir_path", "/some/path")]));
        AssertRequest("admin.pool.Add+file dom0 name dom0\0name=test-pool\ndir_path=/some/path\n", request);
        Assert.True(reply.IsOk);
        Assert.Equal(0, reply.Content.Length);

        var (request2, _) = await Exchange("0\0", c => c.PoolAddAsync("file", "test-pool", [new("param1", "value1"), new("param2", "123")]));
        AssertRequest("admin.pool.Add+file dom0 name dom0\0name=test-pool\nparam1=value1\nparam2=123\n", request2);
    }

    [Fact] // 6. qvm_pool.py:84-85,123-131
    public async Task PoolRemoveAndSet()
    {
        var (remove, removed) = await Exchange("0\0", c => c.PoolRemoveAsync("test-pool"));
        AssertRequest("admin.pool.Remove+test-pool dom0 name dom0\0", remove);
        Assert.True(removed.IsOk);

        var (revisions, _) = await Exchange("0\0", c => c.PoolSetAsync("pool-lvm", "revisions_to_keep", "2"));
        AssertRequest("admin.pool.Set.revisions_to_keep+pool-lvm dom0 name dom0\0" + "2", revisions);

        var (ephemeral, _) = await Exchange("0\0", c => c.PoolSetAsync("pool-lvm", "ephemeral_volatile", "True"));
        AssertRequest("admin.pool.Set.ephemeral_volatile+pool-lvm dom0 name dom0\0True", ephemeral);
    }

    [Fact] // 7. tests/storage.py:344-347 and mock_app
    public async Task PoolVolumeList()
    {
        var (request, result) = await Exchange("0\0vol1\nvol2\n", c => c.PoolVolumeListAsync("file"));
        AssertRequest("admin.pool.volume.List+file dom0 name dom0\0", request);
        Assert.Equal(["vol1", "vol2"], result.Value);

        var (_, kernels) = await Exchange("0\0" + "1.1\nmisc\n4.2\n", c => c.PoolVolumeListAsync("linux-kernel"));
        Assert.Equal(["1.1", "misc", "4.2"], kernels.Value);
    }

    [Fact] // 8. CAC tests/tools/qvm_volume.py:385-400
    public async Task VmVolumeListAndInfo()
    {
        var (list, volumes) = await Exchange("0\0root\nprivate\n", c => c.VmVolumeListAsync("testvm"));
        AssertRequest("admin.vm.volume.List+ dom0 name testvm\0", list);
        Assert.Equal(["root", "private"], volumes.Value);

        var (info, result) = await Exchange(
            "0\0pool=lvm\nvid=qubes_dom0/vm-testvm-private\nsize=2147483648\nusage=10000000\nrw=True\nsource=\nsave_on_stop=True\nsnap_on_start=False\nrevisions_to_keep=-1\nephemeral=False\nis_outdated=False\n",
            c => c.VmVolumeInfoAsync("testvm", "private"));
        AssertRequest("admin.vm.volume.Info+private dom0 name testvm\0", info);
        var v = result.Value!;
        Assert.Equal("lvm", v["pool"]);
        Assert.Equal("qubes_dom0/vm-testvm-private", v["vid"]);
        Assert.Equal(2147483648, v.GetInt64("size"));
        Assert.Equal("", v["source"]);
        Assert.True(v.GetBool("rw"));
        Assert.False(v.GetBool("snap_on_start"));
        Assert.Equal(-1, v.GetInt64("revisions_to_keep"));
        Assert.Equal(11, v.Count);
    }

    [Fact] // 9. CAC qubesadmin/tests/app.py:201-205,245-265,413-418,461-496
    public async Task CreateInPool_AndVmList()
    {
        var (create, created) = await Exchange("0\0", c => c.CallAsync("admin.vm.CreateInPool.AppVM", payload: Bytes.Of("name=new-vm label=red pool=some-pool")));
        AssertRequest("admin.vm.CreateInPool.AppVM+ dom0 name dom0\0name=new-vm label=red pool=some-pool", create);
        Assert.True(created.IsOk);

        var (perVolume, _) = await Exchange("0\0", c => c.CallAsync("admin.vm.CreateInPool.AppVM", payload: Bytes.Of("name=new-vm label=red pool:private=some-pool pool:volatile=other-pool")));
        AssertRequest("admin.vm.CreateInPool.AppVM+ dom0 name dom0\0name=new-vm label=red pool:private=some-pool pool:volatile=other-pool", perVolume);

        var (clone, _) = await Exchange("0\0", c => c.CallAsync("admin.vm.CreateInPool.AppVM", "test-template", payload: Bytes.Of("name=new-name label=red pool=some-pool")));
        AssertRequest("admin.vm.CreateInPool.AppVM+test-template dom0 name dom0\0name=new-name label=red pool=some-pool", clone);

        var (vmList, vms) = await Exchange("0\0new-vm class=AppVM state=Running\n", c => c.VmListAsync());
        AssertRequest("admin.vm.List+ dom0 name dom0\0", vmList);
        var vm = Assert.Single(vms.Value!);
        Assert.Equal(("new-vm", "AppVM", "Running", (string?)null), (vm.Name, vm.Class, vm.State, vm.Uuid));

        var (cloneFrom, token) = await Exchange("0\0token-private", c => c.CallAsync("admin.vm.volume.CloneFrom", "private", "src-vm"));
        AssertRequest("admin.vm.volume.CloneFrom+private dom0 name src-vm\0", cloneFrom);
        Assert.Equal("token-private", token.Text);

        var (cloneTo, _) = await Exchange("0\0", c => c.CallAsync("admin.vm.volume.CloneTo", "private", "dst-vm", Bytes.Of("token-private")));
        AssertRequest("admin.vm.volume.CloneTo+private dom0 name dst-vm\0token-private", cloneTo);
    }

    [Fact] // 10. CAC tests/app.py:419-424
    public async Task PropertyGet_DefaultPoolPrivate()
    {
        var (request, result) = await Exchange("0\0default=True type=str lvm", c => c.PropertyGetAsync("default_pool_private"));
        AssertRequest("admin.property.Get+default_pool_private dom0 name dom0\0", request);
        Assert.Equal(new QubesdProperty(true, "str", "lvm"), result.Value);
    }

    [Fact] // 11. CAC qubesadmin/tests/errors.py:28-60
    public async Task Exceptions_AndEmptyReply()
    {
        var (_, plain) = await Exchange("2\0QubesException\0\0An error occurred\0", c => c.PoolRemoveAsync("p"));
        Assert.Equal((QubesdReplyKind.QubesException, "QubesException", "An error occurred"), (plain.Kind, plain.ExceptionType, plain.Message));

        var (_, formatted) = await Exchange("2\0QubesException\0\0An error occurred: %s, %s\0string\0other\0", c => c.PoolRemoveAsync("p"));
        Assert.Equal("An error occurred: string, other", formatted.Message);

        var (_, inUse) = await Exchange("2\0QubesPoolInUseError\0\0Storage pool is in use: 'p'\0", c => c.PoolRemoveAsync("p"));
        Assert.Equal(("QubesPoolInUseError", "Storage pool is in use: 'p'"), (inUse.ExceptionType, inUse.Message));

        var (_, empty) = await Exchange("", c => c.PoolInfoAsync("nope"));
        Assert.False(empty.IsOk);
        Assert.Equal(QubesdReplyKind.Empty, empty.Reply.Kind);
        Assert.Equal("qubesd refused the call — see `journalctl -u qubesd`", empty.Message);
    }

    [Fact] // 13. CA qubes/tests/api.py:124-203 (QubesDaemonProtocol raw bytes)
    public async Task RawProtocolVectors()
    {
        var (none, successNone) = await Exchange("0\0", c => c.CallAsync("mgmt.success_none", "arg", payload: Bytes.Of("payload")));
        AssertRequest("mgmt.success_none+arg dom0 name dom0\0payload", none);
        Assert.True(successNone.IsOk);
        Assert.Equal("", successNone.Text);

        var (_, success) = await Exchange("0\0src: b'dom0', dest: b'dest', arg: b'arg', payload: b'payload'", c => c.CallAsync("mgmt.success", "arg", "dest", Bytes.Of("payload")));
        Assert.Equal("src: b'dom0', dest: b'dest', arg: b'arg', payload: b'payload'", success.Text);

        var (_, qubesException) = await Exchange("2\0QubesException\0\0qubes-exception\0", c => c.CallAsync("mgmt.qubesexception", "arg", payload: Bytes.Of("payload")));
        Assert.Equal(("QubesException", "qubes-exception"), (qubesException.ExceptionType, qubesException.Message));

        var (_, unhandled) = await Exchange("", c => c.CallAsync("mgmt.exception", "arg", payload: Bytes.Of("payload")));
        Assert.Equal(QubesdReplyKind.Empty, unhandled.Kind);

        var (_, evented) = await Exchange("1\0subject\0event\0payload\0payload\0\0", c => c.CallAsync("mgmt.event", "arg", payload: Bytes.Of("payload")));
        Assert.Equal(QubesdReplyKind.Malformed, evented.Kind);
    }
}
