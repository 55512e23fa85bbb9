namespace QubesPoolConsole.Core.Tests.Qubesd.Wire;

/// <summary>admin.Events over a real socket: request bytes, events in pieces, and each way a stream ends.</summary>
public class QubesdEventStreamTests
{
    private static QubesdClient ClientFor(FakeQubesd server) => new(new QubesdClientOptions { SocketPath = server.SocketPath, Timeout = TimeSpan.FromSeconds(10) });

    [Fact]
    public async Task EventsInPieces_ThenCancel_EndsCancelled()
    {
        var stream = Bytes.Of("1\0\0connection-established\0\0" + "1\0\0pool-add\0pool\0mypool\0\0" + "1\0\0pool-delete\0pool\0mypool\0\0");
        await using var server = new FakeQubesd(async c =>
        {
            await c.WriteInPiecesAsync(stream, 2, TimeSpan.FromMilliseconds(1));
            await c.NeverAnswerAsync();
        });
        using var client = ClientFor(server);
        var events = client.OpenEvents();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var seen = new List<QubesdEvent>();
        await foreach (var e in events.WithCancellation(cts.Token))
        {
            seen.Add(e);
            if (seen.Count == 3) cts.Cancel();
        }
        Assert.Equal(["connection-established", "pool-add", "pool-delete"], seen.Select(e => e.Name));
        Assert.Equal("mypool", seen[1].Get("pool"));
        Assert.Equal(QubesdReplyKind.Cancelled, events.Ended!.Kind);
        Assert.Equal(Bytes.Show(Bytes.Of("admin.Events+ dom0 name dom0\0")), Bytes.Show(Assert.Single(server.Requests)));
    }

    [Fact]
    public async Task CancelWhileWaiting_EndsWithoutException()
    {
        await using var server = new FakeQubesd(async c =>
        {
            await c.WriteAsync(Bytes.Of("1\0\0connection-established\0\0"));
            await c.NeverAnswerAsync();
        });
        using var client = ClientFor(server);
        var events = client.OpenEvents();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var names = new List<string>();
        await foreach (var e in events.ReadAllAsync(cts.Token)) names.Add(e.Name);
        Assert.Equal([QubesdEvent.ConnectionEstablished], names);
        Assert.Equal(QubesdReplyKind.Cancelled, events.Ended!.Kind);
    }

    [Fact]
    public async Task ServerCloses_EndsStreamClosed()
    {
        await using var server = FakeQubesd.Answering(Bytes.Of("1\0\0connection-established\0\0"));
        using var client = ClientFor(server);
        var events = client.OpenEvents();
        var count = 0;
        await foreach (var _ in events) count++;
        Assert.Equal(1, count);
        Assert.Equal(QubesdReplyKind.StreamClosed, events.Ended!.Kind);
        Assert.Equal($"qubesd closed the event stream on {server.SocketPath}.", events.Ended.Message);
    }

    [Fact]
    public async Task UnknownDestination_EndsWithTheException()
    {
        await using var server = FakeQubesd.Answering(Bytes.Of("2\0QubesVMNotFoundError\0\0No such domain: 'nosuch'\0"));
        using var client = ClientFor(server);
        var events = client.OpenEvents("nosuch");
        await foreach (var _ in events) Assert.Fail("no event expected");
        Assert.Equal(("QubesVMNotFoundError", "No such domain: 'nosuch'"), (events.Ended!.ExceptionType, events.Ended.Message));
        Assert.Equal(Bytes.Show(Bytes.Of("admin.Events+ dom0 name nosuch\0")), Bytes.Show(Assert.Single(server.Requests)));
    }

    [Fact]
    public async Task EmptyReply_EndsEmpty()
    {
        await using var server = FakeQubesd.Answering([]);
        using var client = ClientFor(server);
        var events = client.OpenEvents();
        await foreach (var _ in events) Assert.Fail("no event expected");
        Assert.Equal(QubesdReplyKind.Empty, events.Ended!.Kind);
    }

    [Fact]
    public async Task NoSocket_EndsSocketMissing()
    {
        var stream = new QubesdEventStream(Path.Combine(Path.GetTempPath(), $"qpc-none-{Guid.NewGuid():N}.sock"));
        await foreach (var _ in stream) Assert.Fail("no event expected");
        Assert.Equal(QubesdReplyKind.SocketMissing, stream.Ended!.Kind);
    }

    [Fact]
    public async Task SecondEnumeration_IsABug()
    {
        await using var server = FakeQubesd.Answering([]);
        using var client = ClientFor(server);
        var events = client.OpenEvents();
        await foreach (var _ in events) { }
        await Assert.ThrowsAsync<InvalidOperationException>(async () => { await foreach (var _ in events) { } });
    }
}
