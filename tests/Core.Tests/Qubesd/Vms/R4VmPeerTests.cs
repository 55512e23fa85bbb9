using QubesPoolConsole.Core.Qubesd.Backend;
using QubesPoolConsole.Core.Qubesd.Vms;
using QubesPoolConsole.Core.Qubesd.Volumes;
using QubesPoolConsole.Core.Qubesd.Wire;
using QubesPoolConsole.Core.Tests.Qubesd.Peer;

namespace QubesPoolConsole.Core.Tests.Qubesd.Vms;

/// <summary>
/// Creating VMs into pools against Qubes' own qubesd handlers (skipped unless <c>QPC_QUBESD_PEER</c> is set): the
/// creator's call with <c>pool=</c> and with per-volume pools is accepted, the volumes land where the plan said, the
/// pool reader lists them per pool, and the event hub sees the VMs arrive.
/// </summary>
public abstract class R4VmPeerTests(QubesdPeer peer)
{
    private const string Template = "fedora-42";

    private QubesdClient Client() => new(new QubesdClientOptions { SocketPath = peer.SocketPath, Timeout = TimeSpan.FromSeconds(60) });

    private async Task<string> AddFilePoolAsync(IQubesdClient client, string name)
    {
        var dir = Path.Combine(peer.Dir, "pools-" + name);
        var added = await client.PoolAddAsync("file", name, [new("dir_path", dir)]);
        Assert.True(added.IsOk, added + "\n" + peer.Log);
        return dir;
    }

    [PeerFact]
    public async Task Create_WithOnePoolAndPerVolume_PutsTheVolumesThere_AndThePoolListsThem()
    {
        using var client = Client();
        var dir = await AddFilePoolAsync(client, "vmp-one");
        var creator = new R4VmCreator(new R4PoolReader(client));

        var one = await creator.CreateAsync(new R4VmRequest("vmp-a", "red", "AppVM", Template, Pool: "vmp-one"));
        Assert.True(one.Status == R4VmCreateStatus.Created, one.Message + "\n" + peer.Log);
        Assert.Equal("pool=vmp-one", one.Analysis.Plan.Call.Payload.Split(' ').Last());
        var perVolume = await creator.CreateAsync(new R4VmRequest("vmp-b", "blue", "AppVM", Template,
            Pools: new Dictionary<string, string> { ["private"] = "vmp-one", ["volatile"] = "varlibqubes" }));
        Assert.True(perVolume.Status == R4VmCreateStatus.Created, perVolume.Message + "\n" + peer.Log);

        // Where qubesd put each volume is what the review showed.
        Assert.Equal("vmp-one", perVolume.Volumes.Single(v => v.Name == "private").Pool);
        Assert.Equal("varlibqubes", perVolume.Volumes.Single(v => v.Name == "volatile").Pool);
        Assert.Equal("varlibqubes", one.Volumes.Single(v => v.Name == "root").Pool);
        foreach (var planned in perVolume.Analysis.Plan.Volumes.Where(v => v.Pool is not null))
            Assert.Equal(planned.Pool, perVolume.Volumes.Single(v => v.Name == planned.Volume).Pool);

        var inPool = await new R4PoolVolumeReader(client).ReadAsync("vmp-one");
        Assert.Empty(inPool.Problems);
        Assert.Equal(["vmp-a private", "vmp-a volatile", "vmp-b private"],
            inPool.Rows.Where(r => r.Vm is not null).Select(r => $"{r.Vm} {r.Volume}").Order(StringComparer.Ordinal));
        Assert.All(inPool.Rows, r => Assert.Null(r.Error));
        var image = new FileInfo(Path.Combine(dir, "appvms", "vmp-b", "private.img"));
        Assert.True(image.Exists, "the private image is a real file in the pool");
        Assert.Equal(inPool.Rows.Single(r => r is { Vm: "vmp-b", Volume: "private" }).Size, image.Length);
    }

    [PeerFact]
    public async Task Create_WithATakenName_IsRefusedBeforeSending_AndTheVmStaysAsItWas()
    {
        using var client = Client();
        var creator = new R4VmCreator(new R4PoolReader(client));

        // The name is taken: the planner refuses it from the VM list just read, before anything is sent.
        var outcome = await creator.CreateAsync(new R4VmRequest("work", "red", "AppVM", Template, Pool: "varlibqubes"));

        Assert.Equal(R4VmCreateStatus.Refused, outcome.Status);
        Assert.Contains("work", outcome.Message, StringComparison.Ordinal);
        Assert.Single((await client.VmListAsync()).Value!, v => v.Name == "work");
    }

    [PeerFact]
    public async Task EventHub_SeesAVmCreatedInAPool()
    {
        using var client = Client();
        await using var hub = new QubesdEventHub(client);
        var seen = new List<string>();
        hub.PoolsChanged += e => { lock (seen) seen.Add(e.ToString()); };
        hub.Start();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!hub.IsConnected) await Task.Delay(20, timeout.Token);

        await AddFilePoolAsync(client, "vmp-ev");
        var created = await new R4VmCreator(new R4PoolReader(client)).CreateAsync(new R4VmRequest("vmp-ev1", "green", "AppVM", Template, Pool: "vmp-ev"));
        Assert.True(created.Succeeded, created.Message);
        while (!HasSeen(":domain-add vm=vmp-ev1")) await Task.Delay(20, timeout.Token);

        lock (seen) Assert.Equal([":pool-add pool=vmp-ev", ":domain-add vm=vmp-ev1"], seen);

        bool HasSeen(string e) { lock (seen) return seen.Contains(e); }
    }
}

/// <summary>Against core-admin release4.3.</summary>
public sealed class R4VmPeer43Tests(QubesdPeer43 peer) : R4VmPeerTests(peer), IClassFixture<QubesdPeer43>;

/// <summary>Against core-admin release4.2.</summary>
public sealed class R4VmPeer42Tests(QubesdPeer42 peer) : R4VmPeerTests(peer), IClassFixture<QubesdPeer42>;
