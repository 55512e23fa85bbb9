using QubesPoolConsole.Core.Qubesd.Wire;

namespace QubesPoolConsole.Components.Tests.R4;

/// <summary>The real client, except that every call about one pool gets a Qubes exception (an unplugged disk).</summary>
public sealed class FailingPoolClient(IQubesdClient inner, string pool, string message) : IQubesdClient
{
    public string SocketPath => inner.SocketPath;

    public Task<QubesdReply> CallAsync(QubesdRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        => request.Method.StartsWith("admin.pool.", StringComparison.Ordinal) && request.Arg == pool && request.Method != "admin.pool.Add"
            ? Task.FromResult(QubesdReply.Exception("QubesException", message))
            : inner.CallAsync(request, timeout, cancellationToken);

    public QubesdEventStream OpenEvents(string dest = "dom0") => inner.OpenEvents(dest);
}
