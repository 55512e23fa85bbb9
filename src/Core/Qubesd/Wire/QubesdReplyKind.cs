namespace QubesPoolConsole.Core.Qubesd.Wire;

/// <summary>How a call to qubesd ended.</summary>
public enum QubesdReplyKind
{
    /// <summary><c>0\0&lt;content&gt;</c>: the call succeeded.</summary>
    Ok,
    /// <summary><c>2\0&lt;type&gt;\0&lt;traceback&gt;\0&lt;message&gt;\0</c>: qubesd raised a Qubes exception.</summary>
    QubesException,
    /// <summary>
    /// No bytes at all: qubesd aborted the call (permission denied, protocol error, or an unhandled error; R4.2 and
    /// R4.3 say why only in the journal).
    /// </summary>
    Empty,
    /// <summary>Bytes that are not a qubesd reply (unknown type byte, missing NULs, not UTF-8).</summary>
    Malformed,
    /// <summary>The request was refused before sending (bad characters, over 64 KiB).</summary>
    InvalidRequest,
    /// <summary>The socket file does not exist (qubesd not running, or a wrong socket path).</summary>
    SocketMissing,
    /// <summary>The socket exists but this user may not connect to it (not in group <c>qubes</c>).</summary>
    PermissionDenied,
    /// <summary>The socket exists but nothing accepts connections on it.</summary>
    ConnectionRefused,
    /// <summary>No complete reply within the call's timeout.</summary>
    Timeout,
    /// <summary>The caller cancelled the call.</summary>
    Cancelled,
    /// <summary>Another socket error while talking to qubesd.</summary>
    TransportFailed,
    /// <summary>An event stream ended because qubesd closed it (only from <see cref="QubesdEventStream"/>).</summary>
    StreamClosed,
}
