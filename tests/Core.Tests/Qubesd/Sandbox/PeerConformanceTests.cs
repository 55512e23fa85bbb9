using System.Text.RegularExpressions;
using QubesPoolConsole.Core.Qubesd.Wire;
using QubesPoolConsole.Core.Tests.Qubesd.Peer;

namespace QubesPoolConsole.Core.Tests.Qubesd.Sandbox;

/// <summary>
/// The same calls sent to the stand-in (not seeded) and to Qubes' own handlers (the peer without demo VMs) give
/// the same replies, once paths, sizes and uuids are normalised. Needs <c>QPC_QUBESD_PEER</c>.
/// </summary>
public abstract class SandboxPeerConformanceTests(QubesdPeer peer, string release)
{
    private static (string Method, string Arg, string Payload)[] Sequence(string t) =>
    [
        ("admin.property.Set", "default_pool", "varlibqubes"),
        ("admin.pool.List", "", ""), ("admin.pool.ListDrivers", "", ""), ("admin.vm.List", "", ""),
        ("admin.pool.Info", "varlibqubes", ""), ("admin.pool.UsageDetails", "varlibqubes", ""),
        ("admin.pool.Info", "linux-kernel", ""), ("admin.pool.UsageDetails", "linux-kernel", ""), ("admin.pool.volume.List", "linux-kernel", ""),
        ("admin.pool.Add", "file", $"name=f1\ndir_path={t}/f1\n"), ("admin.pool.Info", "f1", ""), ("admin.pool.UsageDetails", "f1", ""),
        ("admin.pool.Add", "file", $"name=f1\ndir_path={t}/f1b\n"), ("admin.pool.Add", "file", $"name=bad name\ndir_path={t}/x\n"),
        ("admin.pool.Add", "file", $"dir_path={t}/x\n"), ("admin.pool.Add", "file", $"name=x\ndir_path={t}/x\ndir_path={t}/y\n"),
        ("admin.pool.Add", "file", "name=x\nnoeq\n"), ("admin.pool.Add", "file", "name=x\nfoo=1\ndriver=file\n"), ("admin.pool.Add", "file", "name=x\n"),
        ("admin.pool.Add", "file_reflink", "name=x\n"), ("admin.pool.Add", "file", $"name=x\ndir_path={t}/x\nrevisions_to_keep=2\n"),
        ("admin.pool.Add", "file", $"name=x\ndir_path={t}/no/parent\n"), ("admin.pool.Add", "file", $"name=x\ndir_path={t}/x\nephemeral_volatile=yes\n"),
        ("admin.pool.Add", "file-reflink", $"name=r1\ndir_path={t}/r1\n"),
        ("admin.pool.Add", "file-reflink", $"name=r1\ndir_path={t}/r1\nsetup_check=maybe\n"),
        ("admin.pool.Add", "file-reflink", $"name=r1\ndir_path={t}/r1\nsetup_check=no\nrevisions_to_keep=abc\n"), ("admin.pool.Info", "r1", ""),
        ("admin.pool.Add", "linux-kernel", $"name=k1\ndir_path={t}/nokern\n"), ("admin.pool.Info", "k1", ""), ("admin.pool.volume.List", "k1", ""),
        ("admin.pool.Add", "linux-kernel", "name=k2\nrevisions_to_keep=0\n"), ("admin.pool.Add", "callback", "name=c1\nconf_id=x\n"),
        ("admin.pool.Set.revisions_to_keep", "f1", "2"), ("admin.pool.Set.revisions_to_keep", "f1", "-1"),
        ("admin.pool.Set.revisions_to_keep", "f1", "-2"), ("admin.pool.Set.revisions_to_keep", "f1", "01"),
        ("admin.pool.Set.revisions_to_keep", "f1", "abc"), ("admin.pool.Set.revisions_to_keep", "f1", "0"),
        ("admin.pool.Set.ephemeral_volatile", "f1", "YES"), ("admin.pool.Set.ephemeral_volatile", "f1", "abc"), ("admin.pool.Info", "f1", ""),
        ("admin.pool.Set.revisions_to_keep", "linux-kernel", "1"), ("admin.pool.Set.revisions_to_keep", "r1", "7"),
        ("admin.property.Set", "default_pool_private", "nope"), ("admin.property.Set", "default_pool_private", "f1"),
        ("admin.property.Get", "default_pool_private", ""), ("admin.pool.Remove", "f1", ""),
        ("admin.property.Reset", "default_pool_private", ""), ("admin.pool.Remove", "f1", ""),
        ("admin.pool.Remove", "varlibqubes", ""), ("admin.pool.Remove", "linux-kernel", ""), ("admin.pool.Remove", "nosuch", ""),
        ("admin.pool.Info", "nosuch", ""), ("admin.pool.UsageDetails", "nosuch", ""), ("admin.pool.volume.Info", "r1", ""),
        ("admin.property.Get", "nope", ""), ("admin.property.Get", "default_pool", ""), ("admin.property.Get", "default_pool_kernel", ""),
        ("admin.property.Reset", "default_pool", ""), ("admin.property.Get", "default_pool", ""), ("admin.property.GetDefault", "default_pool", ""),
        ("admin.pool.List", "", ""),
        ("admin.label.List", "", ""), ("admin.vm.CreateInPool.StandaloneVM", "", "name=solo label=red pool=varlibqubes"),
        ("admin.vm.CreateInPool.StandaloneVM", "", "name=solo label=red"), ("admin.vm.CreateInPool.StandaloneVM", "", "name=s2 label=red pool=nope"),
        ("admin.vm.CreateInPool.StandaloneVM", "", "name=s2 label=red pool:invalid=varlibqubes"),
        ("admin.vm.CreateInPool.StandaloneVM", "", "name=s2 label=red pool=varlibqubes pool:root=varlibqubes"),
        ("admin.vm.Create.StandaloneVM", "", "name=s2 label=red pool=varlibqubes"), ("admin.vm.Create.StandaloneVM", "", "name=s2 label=pink"),
        ("admin.vm.Create.StandaloneVM", "solo", "name=s2 label=red"), ("admin.vm.Create.StandaloneVM", "", "name=s2 label=7"),
        ("admin.vm.CreateInPool.StandaloneVM", "", "name=s2 label=blue pool:private=varlibqubes"), ("admin.vm.List", "", ""),
    ];

    [PeerFact]
    public async Task SameRepliesAsQubesOwnHandlers()
    {
        var root = Directory.CreateTempSubdirectory("qpc-r4-conformance-").FullName;
        try
        {
            var sandDir = Path.Combine(root, "sand");
            await using var sandbox = await QubesdSandbox.StartAsync(new QubesdSandboxOptions { DataDirectory = sandDir, Release = release, Seed = false });

            var differences = new List<string>();
            foreach (var (method, arg, payload) in Sequence(root))
            {
                var fromPeer = Normalise(await RawQubesdClient.CallAsync(peer.SocketPath, method, arg, payload: payload), peer.BaseDir, root);
                var fromSandbox = Normalise(await RawQubesdClient.CallAsync(sandbox.SocketPath, method, arg, payload: payload), sandDir, root);
                if (fromPeer != fromSandbox) differences.Add($"{method}+{arg} {payload.ReplaceLineEndings("\\n")}\n  peer:    {fromPeer}\n  sandbox: {fromSandbox}");
            }
            foreach (var dest in new[] { "nosuch", "-bad", "uuid:1234", "Domain-0" })
            {
                var fromPeer = Normalise(await RawQubesdClient.CallAsync(peer.SocketPath, "admin.pool.List", dest: dest), peer.BaseDir, root);
                var fromSandbox = Normalise(await RawQubesdClient.CallAsync(sandbox.SocketPath, "admin.pool.List", dest: dest), sandDir, root);
                if (fromPeer != fromSandbox) differences.Add($"dest {dest}\n  peer:    {fromPeer}\n  sandbox: {fromSandbox}");
            }
            Assert.True(differences.Count == 0, string.Join('\n', differences));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [PeerFact]
    public async Task SameEventsAsQubesOwnHandlers()
    {
        var root = Directory.CreateTempSubdirectory("qpc-r4-events-").FullName;
        try
        {
            var sandDir = Path.Combine(root, "sand");
            await using var sandbox = await QubesdSandbox.StartAsync(new QubesdSandboxOptions { DataDirectory = sandDir, Release = release, Seed = false });
            var fromPeer = await EventsAsync(peer.SocketPath, root, "peer");
            var fromSandbox = await EventsAsync(sandbox.SocketPath, root, "sand");
            Assert.Equal(fromPeer, fromSandbox);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>The events a dom0 stream sees for one sequence of calls, up to the marker pool's pool-add.</summary>
    private static async Task<List<string>> EventsAsync(string socket, string root, string side)
    {
        using var client = new QubesdClient(new QubesdClientOptions { SocketPath = socket, Timeout = TimeSpan.FromSeconds(30) });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var seen = new List<string>();
        await foreach (var e in client.OpenEvents().WithCancellation(timeout.Token))
        {
            seen.Add(e.ToString().Replace(root, "TMP").Replace("/" + side + "-", "/SIDE-"));
            if (e.Name == QubesdEvent.ConnectionEstablished)
            {
                var calls = new (string Method, string Arg, string Dest, string Payload)[]
                {
                    ("admin.pool.Add", "file", "dom0", $"name=evt\ndir_path={root}/{side}-evt\n"),
                    ("admin.pool.Add", "file", "dom0", $"name=evt\ndir_path={root}/{side}-evt\n"),
                    ("admin.property.Set", "default_pool_private", "dom0", "evt"),
                    ("admin.property.Reset", "default_pool_private", "dom0", ""),
                    ("admin.vm.CreateInPool.StandaloneVM", "", "dom0", "name=evm label=red pool:private=evt"),
                    ("admin.vm.Create.StandaloneVM", "", "dom0", "name=evm label=red"),
                    ("admin.vm.Remove", "", "evm", ""),
                    ("admin.pool.Remove", "evt", "dom0", ""),
                    ("admin.pool.Add", "file", "dom0", $"name=evmark\ndir_path={root}/{side}-evmark\n"),
                    ("admin.pool.Remove", "evmark", "dom0", ""),
                };
                foreach (var (method, arg, dest, payload) in calls) await RawQubesdClient.CallAsync(socket, method, arg, dest, payload);
            }
            if (e.Name == "pool-delete" && e.Get("pool") == "evmark") break;
        }
        return seen;
    }

    private static string Normalise(byte[] reply, string baseDir, string root)
    {
        var s = RawQubesdClient.Show(reply).Replace(baseDir, "BASE").Replace(root, "TMP").Replace("\n", "\\n");
        s = Regex.Replace(s, @"(size|usage|data_size|data_usage)=\d+", "$1=N");
        return Regex.Replace(s, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "UUID");
    }
}

/// <summary>The comparison against core-admin release4.3.</summary>
public sealed class SandboxPeer43ConformanceTests(QubesdPeer43Bare peer)
    : SandboxPeerConformanceTests(peer, "4.3"), IClassFixture<QubesdPeer43Bare>;

/// <summary>The comparison against core-admin release4.2.</summary>
public sealed class SandboxPeer42ConformanceTests(QubesdPeer42Bare peer)
    : SandboxPeerConformanceTests(peer, "4.2"), IClassFixture<QubesdPeer42Bare>;
