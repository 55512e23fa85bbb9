using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace QubesPoolConsole.Core.Qubesd.Wire;

/// <summary>
/// A long-lived <c>admin.Events</c> connection, read as events arrive. Enumerate it once; the enumeration ends
/// without an exception when the caller cancels, qubesd closes the stream, or the stream cannot be read, and
/// <see cref="Ended"/> then says which (as a reply with a sentence).
/// </summary>
public sealed class QubesdEventStream : IAsyncEnumerable<QubesdEvent>
{
    private const string Call = "admin.Events+";

    private readonly string _socketPath;
    private readonly TimeSpan _connectTimeout;
    private int _started;

    /// <summary>A stream of <paramref name="dest"/>'s events on <paramref name="socketPath"/> (connected when enumerated).</summary>
    public QubesdEventStream(string socketPath, string dest = "dom0", TimeSpan? connectTimeout = null)
    {
        _socketPath = socketPath;
        Dest = dest;
        _connectTimeout = connectTimeout ?? TimeSpan.FromSeconds(30);
    }

    /// <summary>The VM whose events are streamed (<c>dom0</c>: all of them).</summary>
    public string Dest { get; }

    /// <summary>Why the enumeration ended; null while it runs or before it started.</summary>
    public QubesdReply? Ended { get; private set; }

    /// <inheritdoc/>
    public IAsyncEnumerator<QubesdEvent> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        ReadAllAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);

    /// <summary>The events, the first being <c>connection-established</c>.</summary>
    public async IAsyncEnumerable<QubesdEvent> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
            throw new InvalidOperationException("An event stream can be enumerated only once; open another.");
        if (!QubesdRequest.TryCreate("admin.Events", "", Dest, ReadOnlyMemory<byte>.Empty, out var request, out var problem))
        {
            Ended = QubesdReply.Failure(QubesdReplyKind.InvalidRequest, problem, _socketPath);
            yield break;
        }

        var (socket, failure) = await OpenAsync(request, cancellationToken).ConfigureAwait(false);
        if (socket is null)
        {
            Ended = failure;
            yield break;
        }
        using (socket)
        {
            var parser = new QubesdEventParser();
            var events = new List<QubesdEvent>();
            var buffer = new byte[4096];
            while (true)
            {
                var (read, error) = await ReceiveAsync(socket, buffer, parser, cancellationToken).ConfigureAwait(false);
                if (error is not null)
                {
                    Ended = error;
                    yield break;
                }
                if (read == 0)
                {
                    Ended = parser.Finish(_socketPath);
                    yield break;
                }
                var ok = parser.Feed(buffer.AsSpan(0, read), events);
                foreach (var e in events) yield return e;
                events.Clear();
                if (!ok)
                {
                    Ended = parser.Finish(_socketPath);
                    yield break;
                }
            }
        }
    }

    private async Task<(Socket? Socket, QubesdReply? Failure)> OpenAsync(QubesdRequest request, CancellationToken cancellationToken)
    {
        const string call = Call;
        using var timer = new CancellationTokenSource(_connectTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        Socket? socket = null;
        try
        {
            socket = await QubesdTransport.ConnectAsync(_socketPath, linked.Token).ConfigureAwait(false);
            await QubesdTransport.SendAndHalfCloseAsync(socket, request.Bytes, linked.Token).ConfigureAwait(false);
            return (socket, null);
        }
        catch (Exception error) when (error is OperationCanceledException or SocketException or ArgumentOutOfRangeException)
        {
            socket?.Dispose();
            return (null, error switch
            {
                OperationCanceledException when cancellationToken.IsCancellationRequested => QubesdTransport.Cancelled(_socketPath, call),
                OperationCanceledException => QubesdTransport.Timeout(_socketPath, call, _connectTimeout),
                SocketException s => QubesdTransport.Failure(s, _socketPath, call, 0),
                _ => QubesdTransport.BadPath(_socketPath, "it is longer than a UNIX socket address allows."),
            });
        }
    }

    private async Task<(int Read, QubesdReply? Failure)> ReceiveAsync(Socket socket, byte[] buffer, QubesdEventParser parser,
        CancellationToken cancellationToken)
    {
        const string call = Call;
        try
        {
            return (await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false), null);
        }
        catch (OperationCanceledException)
        {
            return (0, QubesdTransport.Cancelled(_socketPath, call));
        }
        catch (SocketException error)
        {
            return (0, parser.EventCount == 0 ? QubesdTransport.Failure(error, _socketPath, call, 0)
                : QubesdReply.Failure(QubesdReplyKind.StreamClosed,
                    $"The qubesd event stream on {_socketPath} broke after {parser.EventCount} events: {error.Message}.", _socketPath));
        }
    }
}
