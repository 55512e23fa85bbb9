namespace QubesPoolConsole.Server.Tests.Cli;

/// <summary>The peer running core-admin release4.3, for the CLI tests.</summary>
public sealed class CliPeer43() : QubesdPeer("release4.3");

/// <summary>The peer running core-admin release4.2, for the CLI tests.</summary>
public sealed class CliPeer42() : QubesdPeer("release4.2");

/// <summary>
/// The CLI in dom0 mode pointed at Qubes' own qubesd handlers (skipped unless <c>QPC_QUBESD_PEER</c> is set). The
/// state folder is a temp one, so nothing outside the peer's folder is read or written; the qubesd backend needs no
/// storage.conf or /var/lib/qubes.
/// </summary>
public abstract class R4CliPeerTests(QubesdPeer peer)
{
    private Task<CliResult> RunAsync(params string[] command)
    {
        var state = Directory.CreateDirectory(Path.Combine(peer.Dir, "console-state")).FullName;
        var cli = new CliProcess(Path.Combine(peer.Dir, "unused-data"), peer.Dir);
        return cli.RunAsync([.. command, "--mode", "dom0", "--backend", "qubesd", "--qubesd-socket", peer.SocketPath, "--state", state]);
    }

    [PeerFact]
    public async Task PoolsJson_Peer_ListsVarlibqubesWithItsVolumes()
    {
        var run = await RunAsync("pools", "--json");

        Assert.True(run.ExitCode == 0, run + "\n" + peer.Log);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(peer.SocketPath, json.RootElement.GetProperty("socket").GetString());
        Assert.Equal($"qubesd at {peer.SocketPath}", json.RootElement.GetProperty("description").GetString());
        var pools = json.RootElement.GetProperty("pools").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        var varlib = pools["varlibqubes"];
        Assert.Equal(JsonValueKind.Null, varlib.GetProperty("error").ValueKind);
        Assert.Equal(peer.BaseDir, varlib.GetProperty("location").GetString());
        Assert.True(varlib.GetProperty("volumes").GetInt32() > 0);
        Assert.Contains("default_pool", varlib.GetProperty("defaultFor").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("varlibqubes", pools["linux-kernel"].GetProperty("includedIn").GetString());
    }

    [PeerFact]
    public async Task PoolAddThenRemove_Peer_AppliesBothAndTheListFollows()
    {
        var dir = Path.Combine(peer.Dir, "cli-file-pool");

        var dry = await RunAsync("pool", "add", "cli-file", "file", "-o", "dir_path=" + dir, "--dry-run");
        Assert.True(dry.ExitCode == 0, dry.ToString());
        Assert.Contains($"  qvm-pool add cli-file file -o dir_path={dir}\n", dry.Stdout);
        Assert.False(Directory.Exists(dir));

        var add = await RunAsync("pool", "add", "cli-file", "file", "-o", "dir_path=" + dir);
        Assert.True(add.ExitCode == 0, add + "\n" + peer.Log);
        Assert.Equal($"step 1 ran: qvm-pool add cli-file file -o dir_path={dir}\n", add.Stdout);
        Assert.True(Directory.Exists(Path.Combine(dir, "appvms")));
        Assert.Matches(@"\ncli-file\s+file\s", (await RunAsync("pools")).Stdout);

        var remove = await RunAsync("pool", "remove", "cli-file");
        Assert.True(remove.ExitCode == 0, remove + "\n" + peer.Log);
        Assert.Equal("step 1 ran: qvm-pool remove cli-file\n", remove.Stdout);
        Assert.DoesNotContain("\ncli-file ", (await RunAsync("pools")).Stdout);
    }
}

public sealed class R4CliPeer43Tests(CliPeer43 peer) : R4CliPeerTests(peer), IClassFixture<CliPeer43>;

public sealed class R4CliPeer42Tests(CliPeer42 peer) : R4CliPeerTests(peer), IClassFixture<CliPeer42>;
