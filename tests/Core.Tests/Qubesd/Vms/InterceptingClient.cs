namespace QubesPoolConsole.Core.Tests.Qubesd.Vms;

/// <summary>
/// The real client, recording every method it is asked to call; a call <see cref="Answer"/> gives a reply for is
/// answered with that reply instead (after forwarding it, when <see cref="Forward"/> says so).
/// </summary>
internal sealed class InterceptingClient(IQubesdClient inner) : IQubesdClient
{
    public List<string> Methods { get; } = [];

    public Func<QubesdRequest, QubesdReply?> Answer { get; init; } = _ => null;

    public bool Forward { get; init; }

    public string SocketPath => inner.SocketPath;

    public async Task<QubesdReply> CallAsync(QubesdRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        lock (Methods) Methods.Add(request.Method);
        if (Answer(request) is not { } reply) return await inner.CallAsync(request, timeout, cancellationToken);
        if (Forward) await inner.CallAsync(request, timeout, cancellationToken);
        return reply;
    }

    public QubesdEventStream OpenEvents(string dest = "dom0") => inner.OpenEvents(dest);
}
