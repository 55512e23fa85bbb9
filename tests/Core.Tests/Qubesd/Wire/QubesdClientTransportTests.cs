using System.Diagnostics;
using System.Net.Sockets;

namespace QubesPoolConsole.Core.Tests.Qubesd.Wire;

/// <summary>How the client behaves on the socket: pieces, silence, cancellation, limits, parallel calls, no server.</summary>
public class QubesdClientTransportTests
{
    private static QubesdClient ClientFor(string socketPath, double timeoutSeconds = 10, int parallel = 8) =>
        new(new QubesdClientOptions { SocketPath = socketPath, Timeout = TimeSpan.FromSeconds(timeoutSeconds), MaxParallelCalls = parallel });

    [Fact]
    public async Task ReplyInSeveralSmallWrites_IsReadWhole()
    {
        var reply = Bytes.Of("2\0QubesPoolInUseError\0\0Storage pool is in use: set as default_pool_private\0");
        await using var server = new FakeQubesd(c => c.WriteInPiecesAsync(reply, 3, TimeSpan.FromMilliseconds(5)));
        using var client = ClientFor(server.SocketPath);
        var result = await client.PoolRemoveAsync("p");
        Assert.Equal(QubesdReplyKind.QubesException, result.Kind);
        Assert.Equal("Storage pool is in use: set as default_pool_private", result.Message);
    }

    [Fact]
    public async Task ListReplyInOneBytePieces_IsReadWhole()
    {
        var reply = Bytes.Of("0\0varlibqubes\nlinux-kernel\n");
        await using var server = new FakeQubesd(c => c.WriteInPiecesAsync(reply, 1, TimeSpan.FromMilliseconds(1)));
        using var client = ClientFor(server.SocketPath);
        var result = await client.PoolListAsync();
        Assert.Equal(["varlibqubes", "linux-kernel"], result.Value);
    }

    [Fact]
    public async Task ServerThatNeverAnswers_TimesOutWithSentence()
    {
        await using var server = new FakeQubesd(c => c.NeverAnswerAsync());
        using var client = ClientFor(server.SocketPath, timeoutSeconds: 0.3);
        var clock = Stopwatch.StartNew();
        var reply = await client.CallAsync("admin.pool.List");
        Assert.Equal(QubesdReplyKind.Timeout, reply.Kind);
        Assert.Equal($"qubesd did not answer admin.pool.List+ within 0.3 s on {server.SocketPath}.", reply.Message);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.25, 5);
    }

    [Fact]
    public async Task PerCallTimeout_OverridesTheDefault()
    {
        await using var server = new FakeQubesd(c => c.NeverAnswerAsync());
        using var client = ClientFor(server.SocketPath, timeoutSeconds: 60);
        Assert.True(QubesdRequest.TryCreate("admin.pool.List", null, "dom0", ReadOnlyMemory<byte>.Empty, out var request, out _));
        var reply = await client.CallAsync(request, TimeSpan.FromMilliseconds(200));
        Assert.Equal(QubesdReplyKind.Timeout, reply.Kind);
    }

    [Fact]
    public async Task Cancellation_EndsTheCallWithSentence()
    {
        await using var server = new FakeQubesd(c => c.NeverAnswerAsync());
        using var client = ClientFor(server.SocketPath);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var reply = await client.CallAsync("admin.pool.Info", "vm-pool", cancellationToken: cts.Token);
        Assert.Equal(QubesdReplyKind.Cancelled, reply.Kind);
        Assert.Equal($"The call admin.pool.Info+vm-pool to qubesd on {server.SocketPath} was cancelled.", reply.Message);
    }

    [Fact]
    public async Task AlreadyCancelled_DoesNotConnect()
    {
        await using var server = FakeQubesd.Answering(Bytes.Of("0\0"));
        using var client = ClientFor(server.SocketPath);
        var reply = await client.CallAsync("admin.pool.List", cancellationToken: new CancellationToken(true));
        Assert.Equal(QubesdReplyKind.Cancelled, reply.Kind);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task RequestOver64KiB_IsRefusedBeforeSending()
    {
        await using var server = FakeQubesd.Answering(Bytes.Of("0\0"));
        using var client = ClientFor(server.SocketPath);
        var reply = await client.PoolAddAsync("file", "big", [new("dir_path", new string('a', 70_000))]);
        Assert.Equal(QubesdReplyKind.InvalidRequest, reply.Kind);
        Assert.Contains("qubesd refuses requests over 65536 bytes, so it was not sent", reply.Message);
        await Task.Delay(100);
        Assert.Empty(server.Requests);
        Assert.Equal(0, server.MaxOpenConnections);
    }

    [Fact]
    public async Task PoolAddPayload_WithLineBreakInValue_IsRefused()
    {
        await using var server = FakeQubesd.Answering(Bytes.Of("0\0"));
        using var client = ClientFor(server.SocketPath);
        var reply = await client.PoolAddAsync("file", "p", [new("dir_path", "/a\ndriver=lvm")]);
        Assert.Equal(QubesdReplyKind.InvalidRequest, reply.Kind);
        Assert.Equal("The value of the pool option dir_path must not hold line breaks or NUL characters.", reply.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task ParallelCalls_AreBoundedBySlots()
    {
        await using var server = new FakeQubesd(async c =>
        {
            await Task.Delay(150, c.Stopping);
            await c.WriteAsync(Bytes.Of("0\0" + System.Text.Encoding.ASCII.GetString(c.Request)[16..]));
        });
        using var client = ClientFor(server.SocketPath, parallel: 3);
        var calls = Enumerable.Range(0, 10).Select(i => client.CallAsync("admin.pool.Info", $"p{i}")).ToArray();
        var replies = await Task.WhenAll(calls);
        Assert.All(replies, r => Assert.True(r.IsOk, r.Message));
        Assert.Equal(10, server.Requests.Count);
        Assert.Equal(3, server.MaxOpenConnections);
        // Each reply belongs to its own call (one call per connection).
        for (var i = 0; i < 10; i++) Assert.Equal($"p{i} dom0 name dom0\0", replies[i].Text);
    }

    [Fact]
    public async Task SocketMissing_NamesThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"qpc-none-{Guid.NewGuid():N}", "qubesd.sock");
        using var client = ClientFor(path);
        var reply = await client.CallAsync("admin.pool.List");
        Assert.Equal(QubesdReplyKind.SocketMissing, reply.Kind);
        Assert.Equal($"The qubesd socket {path} does not exist: qubesd is not running, or the socket path setting is wrong.", reply.Message);
    }

    [Fact]
    public async Task SocketNobodyListensOn_IsConnectionRefused()
    {
        var dir = Directory.CreateTempSubdirectory("qpc-refused-").FullName;
        try
        {
            var path = Path.Combine(dir, "qubesd.sock");
            using (var bound = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
            {
                bound.Bind(new UnixDomainSocketEndPoint(path)); // bound, never listening: like a stale socket
                using var client = ClientFor(path);
                var reply = await client.CallAsync("admin.pool.List");
                Assert.Equal(QubesdReplyKind.ConnectionRefused, reply.Kind);
                Assert.Contains(path, reply.Message);
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public async Task ReplyOverTheReplyLimit_IsNotReadFurther()
    {
        await using var server = FakeQubesd.Answering(Bytes.Of("0\0" + new string('x', 20_000)));
        using var client = new QubesdClient(new QubesdClientOptions { SocketPath = server.SocketPath, MaxReplyBytes = 10_000 });
        var reply = await client.CallAsync("admin.vm.List");
        Assert.Equal(QubesdReplyKind.Malformed, reply.Kind);
        Assert.Equal($"qubesd on {server.SocketPath} sent more than 10000 bytes for admin.vm.List+; the reply was not read further.", reply.Message);
    }

    [Fact]
    public async Task MalformedReply_NamesTheSocket()
    {
        await using var server = FakeQubesd.Answering(Bytes.Of("OK"));
        using var client = ClientFor(server.SocketPath);
        var reply = await client.CallAsync("admin.pool.List");
        Assert.Equal(QubesdReplyKind.Malformed, reply.Kind);
        Assert.StartsWith($"qubesd on {server.SocketPath} sent a reply the console cannot read: it does not start with a type digit and a NUL", reply.Message);
        Assert.Equal(server.SocketPath, reply.SocketPath);
    }

    [Fact]
    public void Options_DefaultToTheDom0Socket()
    {
        using var client = new QubesdClient();
        Assert.Equal("/var/run/qubesd.sock", client.SocketPath);
        Assert.Equal(8, client.Options.MaxParallelCalls);
        Assert.Equal(TimeSpan.FromSeconds(30), client.Options.Timeout);
    }
}
