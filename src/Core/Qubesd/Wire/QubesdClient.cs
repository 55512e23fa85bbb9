using System.Buffers;
using System.Net.Sockets;

namespace QubesPoolConsole.Core.Qubesd.Wire;

/// <summary>
/// <see cref="IQubesdClient"/> over qubesd's UNIX socket, as <c>qubesadmin</c>'s <c>QubesLocal.qubesd_call</c> does it:
/// connect, write the framed request, half-close, read to EOF. Safe to use from many threads.
/// </summary>
public sealed class QubesdClient : IQubesdClient, IDisposable
{
    private readonly QubesdClientOptions _options;
    private readonly SemaphoreSlim _slots;

    /// <summary>A client with <paramref name="options"/> (the defaults: <c>/var/run/qubesd.sock</c>, 30 s, 8 calls).</summary>
    public QubesdClient(QubesdClientOptions? options = null)
    {
        _options = options ?? new QubesdClientOptions();
        ArgumentException.ThrowIfNullOrEmpty(_options.SocketPath);
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxParallelCalls, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_options.Timeout, TimeSpan.Zero);
        _slots = new SemaphoreSlim(_options.MaxParallelCalls, _options.MaxParallelCalls);
    }

    /// <inheritdoc/>
    public string SocketPath => _options.SocketPath;

    /// <summary>The client's settings.</summary>
    public QubesdClientOptions Options => _options;

    /// <inheritdoc/>
    public async Task<QubesdReply> CallAsync(QubesdRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = SocketPath;
        var call = $"{request.Method}+{request.Arg}";
        try
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return QubesdTransport.Cancelled(path, call);
        }

        var limit = timeout ?? _options.Timeout;
        var received = new ArrayBufferWriter<byte>(256);
        try
        {
            using var timer = new CancellationTokenSource(limit);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
            try
            {
                return await ExchangeAsync(request, received, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return QubesdTransport.Cancelled(path, call);
            }
            catch (OperationCanceledException) when (timer.IsCancellationRequested)
            {
                return QubesdTransport.Timeout(path, call, limit);
            }
            catch (SocketException error)
            {
                return QubesdTransport.Failure(error, path, call, received.WrittenCount);
            }
            catch (ArgumentOutOfRangeException error) when (error.ParamName == "path")
            {
                return QubesdTransport.BadPath(path, "it is longer than a UNIX socket address allows.");
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <inheritdoc/>
    public QubesdEventStream OpenEvents(string dest = "dom0") => new(SocketPath, dest, _options.Timeout);

    /// <summary>Releases the call slots.</summary>
    public void Dispose() => _slots.Dispose();

    private async Task<QubesdReply> ExchangeAsync(QubesdRequest request, ArrayBufferWriter<byte> received, CancellationToken cancellationToken)
    {
        using var socket = await QubesdTransport.ConnectAsync(SocketPath, cancellationToken).ConfigureAwait(false);
        await QubesdTransport.SendAndHalfCloseAsync(socket, request.Bytes, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var read = await socket.ReceiveAsync(received.GetMemory(4096), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (read == 0) break;
            received.Advance(read);
            if (received.WrittenCount > _options.MaxReplyBytes)
            {
                return QubesdReply.Failure(QubesdReplyKind.Malformed,
                    $"qubesd on {SocketPath} sent more than {_options.MaxReplyBytes} bytes for {request.Method}+{request.Arg}; the reply was not read further.",
                    SocketPath);
            }
        }
        return QubesdReply.Parse(received.WrittenSpan, SocketPath);
    }
}
