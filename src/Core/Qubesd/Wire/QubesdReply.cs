using System.Text;

namespace QubesPoolConsole.Core.Qubesd.Wire;

/// <summary>
/// What one call to qubesd gave: its content on success, the Qubes exception as qubesd wrote it, an empty reply,
/// or why the call never got a reply (socket missing, permission denied, timeout, cancelled…). Expected failures
/// are replies, never exceptions; <see cref="Message"/> is a sentence to show as is.
/// </summary>
public sealed class QubesdReply
{
    /// <summary>The sentence for an empty reply (R4.2 and R4.3 give no reason on the wire).</summary>
    public const string EmptySentence = "qubesd refused the call — see `journalctl -u qubesd`";

    private QubesdReply(QubesdReplyKind kind, ReadOnlyMemory<byte> content, string message,
        string? exceptionType = null, string? traceback = null, string? socketPath = null)
    {
        Kind = kind;
        Content = content;
        Message = message;
        ExceptionType = exceptionType;
        Traceback = traceback;
        SocketPath = socketPath;
    }

    /// <summary>How the call ended.</summary>
    public QubesdReplyKind Kind { get; }

    /// <summary>True for <see cref="QubesdReplyKind.Ok"/>.</summary>
    public bool IsOk => Kind == QubesdReplyKind.Ok;

    /// <summary>The bytes after <c>0\0</c> (empty for every other kind).</summary>
    public ReadOnlyMemory<byte> Content { get; }

    /// <summary><see cref="Content"/> as UTF-8 text (qubesd encodes its replies as UTF-8).</summary>
    public string Text => Encoding.UTF8.GetString(Content.Span);

    /// <summary>
    /// For a Qubes exception: its message exactly as qubesd wrote it. Otherwise a sentence saying what happened
    /// (empty for success).
    /// </summary>
    public string Message { get; }

    /// <summary>For a Qubes exception: the class name qubesd wrote (<c>QubesPoolInUseError</c>…); otherwise null.</summary>
    public string? ExceptionType { get; }

    /// <summary>For a Qubes exception: the traceback qubesd sent (only with <c>qubesd --debug</c>); otherwise null.</summary>
    public string? Traceback { get; }

    /// <summary>The socket the call went to, when known.</summary>
    public string? SocketPath { get; }

    /// <summary>
    /// True when qubesd refused the call without a Qubes exception: an empty reply (R4.2, R4.3), or the
    /// <c>PermissionDenied</c> / <c>ProtocolError</c> replies of core-admin after 4.3.
    /// </summary>
    public bool IsRefusal => Kind == QubesdReplyKind.Empty
        || (Kind == QubesdReplyKind.QubesException && ExceptionType is "PermissionDenied" or "ProtocolError");

    /// <summary>A success carrying <paramref name="content"/>.</summary>
    public static QubesdReply Ok(ReadOnlyMemory<byte> content, string? socketPath = null) =>
        new(QubesdReplyKind.Ok, content, "", socketPath: socketPath);

    /// <summary>A Qubes exception reply.</summary>
    public static QubesdReply Exception(string type, string message, string? traceback = null, string? socketPath = null) =>
        new(QubesdReplyKind.QubesException, ReadOnlyMemory<byte>.Empty, message, type, traceback, socketPath);

    /// <summary>An empty reply: qubesd aborted the connection.</summary>
    public static QubesdReply Empty(string? socketPath = null) =>
        new(QubesdReplyKind.Empty, ReadOnlyMemory<byte>.Empty, EmptySentence, socketPath: socketPath);

    /// <summary>A call that never got (or never gave) a readable reply; <paramref name="sentence"/> says why.</summary>
    public static QubesdReply Failure(QubesdReplyKind kind, string sentence, string? socketPath = null)
    {
        if (kind is QubesdReplyKind.Ok or QubesdReplyKind.QubesException or QubesdReplyKind.Empty)
            throw new ArgumentException($"{kind} has its own factory.", nameof(kind));
        return new(kind, ReadOnlyMemory<byte>.Empty, sentence, socketPath: socketPath);
    }

    /// <summary>Reads the bytes qubesd sent for one call (everything up to EOF).</summary>
    public static QubesdReply Parse(ReadOnlySpan<byte> reply, string? socketPath = null) =>
        QubesdReplyParser.Parse(reply, socketPath);

    /// <summary>Type and message for an exception, the sentence otherwise.</summary>
    public override string ToString() => Kind switch
    {
        QubesdReplyKind.Ok => $"Ok ({Content.Length} bytes)",
        QubesdReplyKind.QubesException => $"{ExceptionType}: {Message}",
        _ => Message,
    };
}
