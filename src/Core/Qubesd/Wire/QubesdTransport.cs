using System.Net.Sockets;

namespace QubesPoolConsole.Core.Qubesd.Wire;

/// <summary>Connecting to the qubesd socket, and the sentences for the ways that fails.</summary>
internal static class QubesdTransport
{
    /// <summary>Connects a stream socket to <paramref name="path"/>; socket errors are thrown for <see cref="Failure"/>.</summary>
    public static async Task<Socket> ConnectAsync(string path, CancellationToken cancellationToken)
    {
        var endPoint = new UnixDomainSocketEndPoint(path);
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Writes all of <paramref name="bytes"/>, then half-closes: qubesd starts the call only at EOF.</summary>
    public static async Task SendAndHalfCloseAsync(Socket socket, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        while (!bytes.IsEmpty)
        {
            var sent = await socket.SendAsync(bytes, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            bytes = bytes[sent..];
        }
        socket.Shutdown(SocketShutdown.Send);
    }

    /// <summary>
    /// The reply for a socket error. A reset before any reply byte is qubesd's abort, i.e. an empty reply
    /// (it aborts oversized requests before reading them to the end).
    /// </summary>
    public static QubesdReply Failure(SocketException error, string path, string call, long bytesReceived)
    {
        switch (error.SocketErrorCode)
        {
            case SocketError.AddressNotAvailable or SocketError.AddressFamilyNotSupported when bytesReceived == 0 && !File.Exists(path):
                return Missing(path);
            case SocketError.AccessDenied:
                return QubesdReply.Failure(QubesdReplyKind.PermissionDenied,
                    $"Permission denied connecting to the qubesd socket {path}: the console must run as a user in group qubes.", path);
            case SocketError.ConnectionRefused:
                return QubesdReply.Failure(QubesdReplyKind.ConnectionRefused,
                    $"Nothing accepts connections on the qubesd socket {path}: is qubesd running (systemctl status qubesd)?", path);
            case SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown when bytesReceived == 0:
                return QubesdReply.Empty(path);
        }
        if (!File.Exists(path)) return Missing(path);
        return QubesdReply.Failure(QubesdReplyKind.TransportFailed,
            $"Talking to qubesd on {path} failed during {call} after {bytesReceived} reply bytes: {error.Message} ({error.SocketErrorCode}).", path);
    }

    public static QubesdReply Missing(string path) =>
        QubesdReply.Failure(QubesdReplyKind.SocketMissing,
            $"The qubesd socket {path} does not exist: qubesd is not running, or the socket path setting is wrong.", path);

    public static QubesdReply Timeout(string path, string call, TimeSpan limit) =>
        QubesdReply.Failure(QubesdReplyKind.Timeout,
            $"qubesd did not answer {call} within {limit.TotalSeconds:0.###} s on {path}.", path);

    public static QubesdReply Cancelled(string path, string call) =>
        QubesdReply.Failure(QubesdReplyKind.Cancelled, $"The call {call} to qubesd on {path} was cancelled.", path);

    public static QubesdReply BadPath(string path, string why) =>
        QubesdReply.Failure(QubesdReplyKind.TransportFailed, $"The qubesd socket path {path} cannot be used: {why}", path);
}
