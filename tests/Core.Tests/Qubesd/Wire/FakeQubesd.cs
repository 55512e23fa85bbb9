using System.Collections.Concurrent;
using System.Net.Sockets;

namespace QubesPoolConsole.Core.Tests.Qubesd.Wire;

/// <summary>
/// A scripted stand-in for qubesd on a UNIX socket in a temp folder: for each connection it reads the request to
/// EOF (as qubesd does), records the exact bytes, then runs the script, which writes the reply; the connection is
/// closed when the script returns.
/// </summary>
internal sealed class FakeQubesd : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly Func<FakeConnection, Task> _script;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _acceptLoop;
    private readonly string _dir;
    private int _open;
    private int _maxOpen;

    public FakeQubesd(Func<FakeConnection, Task> script)
    {
        _script = script;
        _dir = Directory.CreateTempSubdirectory("qpc-fakeqd-").FullName;
        SocketPath = Path.Combine(_dir, "qubesd.sock");
        _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _listener.Bind(new UnixDomainSocketEndPoint(SocketPath));
        _listener.Listen(64);
        _acceptLoop = AcceptLoopAsync();
    }

    /// <summary>A server that answers every call with <paramref name="reply"/> in one write.</summary>
    public static FakeQubesd Answering(byte[] reply) => new(c => c.WriteAsync(reply));

    public string SocketPath { get; }

    /// <summary>Every request in the order its EOF arrived, exactly as received.</summary>
    public ConcurrentQueue<byte[]> Requests { get; } = new();

    /// <summary>The most connections that were open at once.</summary>
    public int MaxOpenConnections => Volatile.Read(ref _maxOpen);

    /// <summary>Connections whose peer went away before the script finished (e.g. a cancelled client).</summary>
    public int ClientsGone { get; private set; }

    public async ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        _listener.Dispose();
        try { await _acceptLoop; } catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { }
        Directory.Delete(_dir, true);
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        var handlers = new List<Task>();
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                var socket = await _listener.AcceptAsync(_stopping.Token);
                handlers.Add(Task.Run(() => HandleAsync(socket)));
            }
        }
        finally
        {
            await Task.WhenAll(handlers);
        }
    }

    private async Task HandleAsync(Socket socket)
    {
        var open = Interlocked.Increment(ref _open);
        int seen;
        while ((seen = Volatile.Read(ref _maxOpen)) < open && Interlocked.CompareExchange(ref _maxOpen, open, seen) != seen) { }
        try
        {
            using var received = new MemoryStream();
            var buffer = new byte[1024];
            int n;
            while ((n = await socket.ReceiveAsync(buffer, SocketFlags.None, _stopping.Token)) > 0) received.Write(buffer, 0, n);
            var request = received.ToArray();
            Requests.Enqueue(request);
            await _script(new FakeConnection(socket, request, _stopping.Token));
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            if (e is SocketException) ClientsGone++;
        }
        finally
        {
            Interlocked.Decrement(ref _open);
            socket.Dispose();
        }
    }
}

/// <summary>One accepted connection, for a <see cref="FakeQubesd"/> script.</summary>
internal sealed class FakeConnection(Socket socket, byte[] request, CancellationToken stopping)
{
    /// <summary>The request bytes the client sent before its half-close.</summary>
    public byte[] Request { get; } = request;

    /// <summary>Cancelled when the server is disposed.</summary>
    public CancellationToken Stopping { get; } = stopping;

    public async Task WriteAsync(byte[] bytes)
    {
        var sent = 0;
        while (sent < bytes.Length) sent += await socket.SendAsync(bytes.AsMemory(sent), SocketFlags.None, Stopping);
    }

    /// <summary>Writes <paramref name="bytes"/> in pieces of <paramref name="piece"/> bytes with a pause between them.</summary>
    public async Task WriteInPiecesAsync(byte[] bytes, int piece, TimeSpan pause)
    {
        for (var i = 0; i < bytes.Length; i += piece)
        {
            await WriteAsync(bytes[i..Math.Min(bytes.Length, i + piece)]);
            await Task.Delay(pause, Stopping);
        }
    }

    /// <summary>Never answers: waits until the server is disposed.</summary>
    public Task NeverAnswerAsync() => Task.Delay(Timeout.Infinite, Stopping);
}
