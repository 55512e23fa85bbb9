using QubesPoolConsole.Core.Qubesd.Wire;

namespace QubesPoolConsole.Core.Tests.Qubesd.Sandbox;

/// <summary>
/// admin.Events on the stand-in: connection-established first, then the events qubesd fires for each successful
/// call (pool add/remove, default_pool* set/reset, VM create/remove), none for a refused one; a VM as destination
/// gets only its own events; stopping the stand-in ends the stream as a qubesd restart does.
/// </summary>
public sealed class EventStreamTests : SandboxTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>Reads events from <paramref name="stream"/> until <paramref name="last"/> matches one, then returns them all.</summary>
    private static async Task<List<string>> UntilAsync(IAsyncEnumerator<QubesdEvent> stream, Func<QubesdEvent, bool> last)
    {
        var seen = new List<string>();
        using var timeout = new CancellationTokenSource(Patience);
        while (await stream.MoveNextAsync().AsTask().WaitAsync(timeout.Token))
        {
            seen.Add(stream.Current.ToString());
            if (last(stream.Current)) return seen;
        }
        Assert.Fail("The stream ended after: " + string.Join(" | ", seen));
        return seen;
    }

    private QubesdClient Client() => new(new QubesdClientOptions { SocketPath = Q.Socket });

    [Fact]
    public async Task EachSuccessfulCall_FiresQubesdsEvents_InOrder_RefusalsNone()
    {
        using var client = Client();
        await using var stream = client.OpenEvents().GetAsyncEnumerator();
        Assert.Equal([":connection-established"], await UntilAsync(stream, e => e.Name == "connection-established"));

        var dir = Dir("ev");
        Assert.True((await client.PoolAddAsync("file", "ev", [new("dir_path", dir)])).IsOk);
        Assert.False((await client.PoolAddAsync("file", "ev", [new("dir_path", dir)])).IsOk, "a second add is refused");
        Assert.True((await client.PropertySetAsync("default_pool_private", "ev")).IsOk);
        Assert.True((await client.PropertyResetAsync("default_pool_private")).IsOk);
        Assert.Equal("0\\0", await Q.Call("admin.vm.CreateInPool.AppVM", "fedora-42", payload: "name=mail label=red pool:private=ev"));
        Assert.Equal("0\\0", await Q.Call("admin.vm.Remove", dest: "mail"));
        Assert.True((await client.PoolRemoveAsync("ev")).IsOk);

        Assert.Equal(string.Join("\n",
        [
            ":pool-add pool=ev",
            ":property-pre-set:default_pool_private name=default_pool_private newvalue=ev oldvalue=vm-pool",
            ":property-set:default_pool_private name=default_pool_private newvalue=ev oldvalue=vm-pool",
            ":property-pre-reset:default_pool_private name=default_pool_private oldvalue=ev",
            ":property-pre-del:default_pool_private name=default_pool_private oldvalue=ev",
            ":property-reset:default_pool_private name=default_pool_private oldvalue=ev",
            ":property-del:default_pool_private name=default_pool_private oldvalue=ev",
            ":domain-add vm=mail",
            "mail:domain-tag-add:created-by-dom0 tag=created-by-dom0",
            "mail:domain-create-on-disk",
            ":domain-pre-delete vm=mail",
            ":domain-delete vm=mail",
            ":pool-pre-delete pool=ev",
            ":pool-delete pool=ev",
        ]), string.Join("\n", await UntilAsync(stream, e => e.Name == "pool-delete")));
    }

    [Fact]
    public async Task AVmAsDestination_GetsOnlyItsOwnEvents()
    {
        using var client = Client();
        Assert.Equal("0\\0", await Q.Call("admin.vm.CreateInPool.AppVM", "fedora-42", payload: "name=mail label=red"));
        using var cancel = new CancellationTokenSource();
        var events = new List<string>();
        var reading = Task.Run(async () =>
        {
            await foreach (var e in client.OpenEvents("mail").WithCancellation(cancel.Token)) lock (events) events.Add(e.ToString());
        });
        await WaitUntilAsync(() => { lock (events) return events.Count > 0; });
        await AddFilePoolAsync("other");
        Assert.Equal("0\\0", await Q.Call("admin.vm.CreateInPool.AppVM", "fedora-42", payload: "name=news label=red"));
        // The same calls on a dom0 stream are seen at once; give a wrongly forwarded event time to arrive.
        await Task.Delay(300);
        await cancel.CancelAsync();
        await reading.WaitAsync(Patience);
        Assert.Equal([":connection-established"], events);
    }

    [Fact]
    public async Task UnknownDestination_IsQubesVMNotFoundError()
    {
        using var client = Client();
        var stream = client.OpenEvents("nosuch");
        await foreach (var e in stream) Assert.Fail("no event expected, got " + e);
        Assert.Equal("QubesVMNotFoundError", stream.Ended!.ExceptionType);
    }

    [Fact]
    public async Task StoppingTheStandIn_EndsTheStream_LikeAQubesdRestart()
    {
        using var client = Client();
        var stream = client.OpenEvents();
        var events = new List<string>();
        var reading = Task.Run(async () =>
        {
            await foreach (var e in stream) events.Add(e.Name);
        });
        await WaitUntilAsync(() => events.Count > 0);
        await Q.StopAsync();
        await reading.WaitAsync(Patience);
        Assert.Equal(["connection-established"], events);
        Assert.NotNull(stream.Ended);
        Assert.False(stream.Ended.IsOk);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!condition()) await Task.Delay(20, timeout.Token);
    }
}
