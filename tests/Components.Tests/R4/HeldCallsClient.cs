using QubesPoolConsole.Core.Qubesd.Wire;

namespace QubesPoolConsole.Components.Tests.R4;

/// <summary>The real client, whose calls wait while the test holds them (a slow qubesd), then go through.</summary>
public sealed class HeldCallsClient(IQubesdClient inner) : IQubesdClient
{
    private TaskCompletionSource _open = Opened();
    private int _inFlight;

    public string SocketPath => inner.SocketPath;

    /// <summary>Calls not yet answered: waiting while held, or on their way to the stand-in after.</summary>
    public int Waiting => Volatile.Read(ref _inFlight);

    /// <summary>From now on every call waits for <see cref="Release"/>.</summary>
    public void Hold() => _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _open.TrySetResult();

    public async Task<QubesdReply> CallAsync(QubesdRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            await _open.Task.WaitAsync(cancellationToken);
            return await inner.CallAsync(request, timeout, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public QubesdEventStream OpenEvents(string dest = "dom0") => inner.OpenEvents(dest);

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }
}
