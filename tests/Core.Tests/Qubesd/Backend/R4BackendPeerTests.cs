using QubesPoolConsole.Core.Tests.Qubesd.Peer;

namespace QubesPoolConsole.Core.Tests.Qubesd.Backend;

/// <summary>
/// The reader and the draft against Qubes' own qubesd handlers (skipped unless <c>QPC_QUBESD_PEER</c> is set). Each
/// test uses its own pool names, so the tests of one release share one peer.
/// </summary>
public abstract class R4BackendPeerTests
{
    private readonly QubesdPeer _peer;

    protected R4BackendPeerTests(QubesdPeer peer) => _peer = peer;

    private QubesdClient Client() => new(new QubesdClientOptions { SocketPath = _peer.SocketPath, Timeout = TimeSpan.FromSeconds(30) });

    [PeerFact]
    public async Task ReadView_StageAddSetAndDefault_Apply_ReadBack()
    {
        using var client = Client();
        var reader = new R4PoolReader(client);
        var view = await reader.ReadAsync();
        Assert.True(view.IsLoaded, view.Error + "\n" + _peer.Log);
        Assert.Empty(view.Problems);
        var varlib = view.Row("varlibqubes")!;
        Assert.Null(varlib.Error);
        Assert.Contains(varlib.Driver, new[] { "file", "file-reflink" });
        Assert.Equal(_peer.BaseDir, varlib.KeyText);
        Assert.True(varlib.Data is { IsKnown: true }, $"{varlib.Data}");
        Assert.Contains("default_pool", varlib.DefaultFor);
        Assert.True(varlib.VolumeCount > 0);
        Assert.Equal("varlibqubes", view.Row("linux-kernel")!.IncludedIn);

        var dir = Path.Combine(_peer.Dir, "pools-bk-add");
        var draft = new R4Draft(reader, view);
        var staged = draft.StageRange(
        [
            R4PoolChange.AddPool(R4PoolAddRequest.Of("bk-add", "file", ("dir_path", dir))),
            R4PoolChange.SetPoolOption("bk-add", "revisions_to_keep", "0"),
            R4PoolChange.SetDefaultPool("default_pool_private", "bk-add"),
        ]);
        Assert.True(staged.Accepted, string.Join("\n", staged.Findings));

        var outcome = await draft.ApplyAsync();

        Assert.True(outcome.Status == R4ApplyStatus.Applied, outcome.Message + "\n" + _peer.Log);
        var row = outcome.After!.Row("bk-add")!;
        Assert.Null(row.Error);
        Assert.Equal("file", row.Driver);
        Assert.Equal(dir, row.KeyText);
        Assert.Equal("0", row.Config["revisions_to_keep"]);
        Assert.Equal(["default_pool_private"], row.DefaultFor);
        Assert.True(row.Data is { IsKnown: true });
        Assert.True(Directory.Exists(Path.Combine(dir, "appvms")));
        Assert.Empty(draft.Changes);

        // Put the property back, through the draft again, so the other tests see the install's defaults.
        Assert.True(draft.Stage(R4PoolChange.ResetDefaultPool("default_pool_private")).Accepted);
        var reset = await draft.ApplyAsync();
        Assert.Equal(R4ApplyStatus.Applied, reset.Status);
        Assert.Empty(reset.After!.Row("bk-add")!.DefaultFor);
        Assert.True(reset.After.State!.Defaults["default_pool_private"].IsDefault);
    }

    [PeerFact]
    public async Task Remove_IsRefusedBeforeSending_WhileAVolumeLivesInThePool()
    {
        using var client = Client();
        var draft = await R4Draft.StartAsync(new R4PoolReader(client));
        Assert.True(draft.Base.IsLoaded, draft.Base.Error);

        var result = draft.Stage(R4PoolChange.RemovePool("varlibqubes"));

        Assert.False(result.Accepted);
        var finding = Assert.Single(result.Errors, f => f.Code == R4Codes.PoolHasVolumes);
        Assert.Contains("work", finding.Message, StringComparison.Ordinal);
        Assert.Empty(draft.Changes);
        Assert.Contains("varlibqubes", (await client.PoolListAsync()).Value!);
    }

    [PeerFact]
    public async Task Apply_IsRefusedAsStale_WhenAPoolWasAddedDirectlyMeanwhile()
    {
        using var client = Client();
        var draft = await R4Draft.StartAsync(new R4PoolReader(client));
        Assert.True(draft.Stage(R4PoolChange.AddPool(R4PoolAddRequest.Of("bk-never", "file", ("dir_path", Path.Combine(_peer.Dir, "pools-bk-never"))))).Accepted);
        var direct = await client.PoolAddAsync("file", "bk-stale", [new("dir_path", Path.Combine(_peer.Dir, "pools-bk-stale"))]);
        Assert.True(direct.IsOk, direct.ToString());

        var outcome = await draft.ApplyAsync();

        Assert.Equal(R4ApplyStatus.Stale, outcome.Status);
        Assert.Contains(outcome.Changes, c => c.ToString() == "pool bk-stale was added");
        Assert.False(outcome.SentAnything);
        Assert.DoesNotContain("bk-never", (await client.PoolListAsync()).Value!);
        Assert.False(Directory.Exists(Path.Combine(_peer.Dir, "pools-bk-never")));
    }
}
