namespace QubesPoolConsole.Core.Qubesd.Wire;

/// <summary>
/// Calls qubesd's Admin API: one call per connection, a timeout and cancellation on every call, at most a bounded
/// number of calls at once. Every expected failure is a <see cref="QubesdReply"/>, never an exception.
/// </summary>
public interface IQubesdClient
{
    /// <summary>The socket this client calls.</summary>
    string SocketPath { get; }

    /// <summary>
    /// Sends <paramref name="request"/>, half-closes, and reads the reply to EOF. <paramref name="timeout"/> overrides
    /// the client's default for this call.
    /// </summary>
    Task<QubesdReply> CallAsync(QubesdRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens an <c>admin.Events</c> stream on <paramref name="dest"/> (<c>dom0</c>: every app and VM event). The
    /// connection is made when the stream is first enumerated.
    /// </summary>
    QubesdEventStream OpenEvents(string dest = "dom0");
}
