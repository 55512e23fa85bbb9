using QubesPoolConsole.Components.R4;
using QubesPoolConsole.Core.Qubesd.Backend;
using QubesPoolConsole.Core.Qubesd.Pools;
using QubesPoolConsole.Core.Qubesd.Sandbox;
using QubesPoolConsole.Core.Qubesd.Wire;

namespace QubesPoolConsole.Components.Tests.R4;

/// <summary>Every session's draft follows qubesd through the one event hub: moved when clean, marked stale when not.</summary>
public sealed class R4SessionDraftsTests : IAsyncLifetime
{
    private string _dir = "";
    private QubesdSandbox? _sandbox;
    private QubesdClient? _client;

    public async Task InitializeAsync()
    {
        _dir = Directory.CreateTempSubdirectory("qpc-r4-drafts-").FullName;
        _sandbox = await QubesdSandbox.StartAsync(new QubesdSandboxOptions { DataDirectory = _dir });
        _client = new QubesdClient(new QubesdClientOptions { SocketPath = _sandbox.SocketPath });
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_sandbox is not null) await _sandbox.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task APoolAddedElsewhere_MovesACleanDraft_AndMarksOneWithChangesStale()
    {
        await using var hub = new QubesdEventHub(_client!);
        var drafts = new R4SessionDrafts(new R4PoolReader(_client!), hub);
        var clean = await drafts.ForAsync("a");
        var busy = await drafts.ForAsync("b");
        Assert.True(busy.Stage(R4PoolChange.SetPoolOption("varlibqubes", "revisions_to_keep", "0")).Accepted);
        var refreshed = new TaskCompletionSource();
        drafts.Refreshed += () => refreshed.TrySetResult();
        hub.Start();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!hub.IsConnected) await Task.Delay(20, timeout.Token);

        var added = await _client!.PoolAddAsync("file", "elsewhere", [new("dir_path", Path.Combine(_dir, "elsewhere"))]);
        Assert.True(added.IsOk, added.ToString());
        await refreshed.Task.WaitAsync(timeout.Token);

        Assert.NotNull(clean.Base.Row("elsewhere"));
        Assert.False(clean.Snapshot.IsStale);
        Assert.Null(busy.Base.Row("elsewhere"));
        Assert.Equal("pool elsewhere was added", Assert.Single(busy.Snapshot.StaleBy).ToString());
        Assert.Single(busy.Changes);
    }
}
