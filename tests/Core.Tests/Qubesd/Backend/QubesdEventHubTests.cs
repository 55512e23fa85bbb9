using QubesPoolConsole.Core.Qubesd.Backend;
using QubesPoolConsole.Core.Qubesd.Wire;
using QubesPoolConsole.Core.Tests.Qubesd.Sandbox;

namespace QubesPoolConsole.Core.Tests.Qubesd.Backend;

/// <summary>
/// The process-wide admin.Events follower on the stand-in: only the events that change the pool pages are raised,
/// and after qubesd restarts it connects again by itself and says so once (events may have been missed).
/// </summary>
public sealed class QubesdEventHubTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private sealed class Seen
    {
        private readonly List<QubesdEvent> _events = [];

        public void Add(QubesdEvent e) { lock (_events) _events.Add(e); }

        public List<string> Names { get { lock (_events) return [.. _events.Select(e => e.Name)]; } }

        public async Task WaitForAsync(string name)
        {
            using var timeout = new CancellationTokenSource(Patience);
            while (!Names.Contains(name)) await Task.Delay(20, timeout.Token);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!condition()) await Task.Delay(20, timeout.Token);
    }

    // Subscribes a recorder, starts the hub and waits until its stream is established.
    private static async Task<Seen> FollowAsync(QubesdEventHub hub)
    {
        var seen = new Seen();
        hub.PoolsChanged += seen.Add;
        hub.Start();
        await WaitUntilAsync(() => hub.IsConnected);
        return seen;
    }

    [Fact]
    public async Task RaisesPoolAndVmEvents_NotTheirPreEventsOrAVmsOwn()
    {
        await using var q = await SandboxFixture.StartAsync();
        using var client = new QubesdClient(new QubesdClientOptions { SocketPath = q.Socket });
        await using var hub = new QubesdEventHub(client);
        var seen = await FollowAsync(hub);

        Assert.True((await client.PoolAddAsync("file", "ev", [new("dir_path", Path.Combine(q.Root, "ev"))])).IsOk);
        Assert.True((await client.PropertySetAsync("default_pool_volatile", "ev")).IsOk);
        Assert.True((await client.PropertyResetAsync("default_pool_volatile")).IsOk);
        Assert.Equal("0\\0", await q.Call("admin.vm.CreateInPool.AppVM", "fedora-42", payload: "name=mail label=red"));
        Assert.Equal("0\\0", await q.Call("admin.vm.Remove", dest: "mail"));
        Assert.True((await client.PoolRemoveAsync("ev")).IsOk);
        await seen.WaitForAsync("pool-delete");

        Assert.Equal(["pool-add", "property-set:default_pool_volatile", "property-reset:default_pool_volatile", "domain-add", "domain-delete", "pool-delete"],
            seen.Names);
        Assert.Equal(1, hub.Connections);
    }

    [Fact]
    public async Task AfterQubesdRestarts_ConnectsAgain_AndSaysSoOnce()
    {
        await using var q = await SandboxFixture.StartAsync();
        using var client = new QubesdClient(new QubesdClientOptions { SocketPath = q.Socket });
        await using var hub = new QubesdEventHub(client, firstPause: TimeSpan.FromMilliseconds(50), longestPause: TimeSpan.FromMilliseconds(200));
        var seen = await FollowAsync(hub);

        await q.StopAsync();
        await WaitUntilAsync(() => !hub.IsConnected);
        Assert.NotNull(hub.LastProblem);
        await q.RestartAsync();
        await seen.WaitForAsync(QubesdEvent.ConnectionEstablished);
        Assert.Equal(2, hub.Connections);

        // And it follows the new qubesd.
        Assert.True((await client.PoolAddAsync("file", "later", [new("dir_path", Path.Combine(q.Root, "later"))])).IsOk);
        await seen.WaitForAsync("pool-add");
        Assert.Equal([QubesdEvent.ConnectionEstablished, "pool-add"], seen.Names);
    }

    [Fact]
    public async Task AFailingSubscriber_DoesNotStopTheOthers()
    {
        await using var q = await SandboxFixture.StartAsync();
        using var client = new QubesdClient(new QubesdClientOptions { SocketPath = q.Socket });
        await using var hub = new QubesdEventHub(client);
        hub.PoolsChanged += _ => throw new InvalidOperationException("a broken page");
        var seen = await FollowAsync(hub);

        Assert.True((await client.PoolAddAsync("file", "a", [new("dir_path", Path.Combine(q.Root, "a"))])).IsOk);
        Assert.True((await client.PoolAddAsync("file", "b", [new("dir_path", Path.Combine(q.Root, "b"))])).IsOk);
        await WaitUntilAsync(() => seen.Names.Count == 2);
        Assert.True(hub.IsConnected);
    }
}
