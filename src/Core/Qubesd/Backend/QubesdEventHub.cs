using QubesPoolConsole.Core.Qubesd.Wire;

namespace QubesPoolConsole.Core.Qubesd.Backend;

/// <summary>
/// One long-lived <c>admin.Events</c> stream for the whole process (not one per page): raises
/// <see cref="PoolsChanged"/> for every event that changes what the pool pages show (<see cref="R4EventKinds"/>), and
/// after the stream ends (qubesd restarted, socket gone) connects again with a growing pause. After a reconnect it
/// raises <see cref="PoolsChanged"/> once with the <c>connection-established</c> event, since events may have been
/// missed meanwhile.
/// </summary>
public sealed class QubesdEventHub : IAsyncDisposable
{
    private readonly IQubesdClient _client;
    private readonly TimeSpan _firstPause;
    private readonly TimeSpan _longestPause;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private Task? _loop;
    private int _connections;

    /// <summary>A hub over <paramref name="client"/>; call <see cref="Start"/> to connect.</summary>
    public QubesdEventHub(IQubesdClient client, TimeSpan? firstPause = null, TimeSpan? longestPause = null, TimeProvider? time = null)
    {
        _client = client;
        _firstPause = firstPause ?? TimeSpan.FromSeconds(1);
        _longestPause = longestPause ?? TimeSpan.FromSeconds(30);
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Raised on the hub's thread for each event that may change the pool pages; handlers must not block.</summary>
    public event Action<QubesdEvent>? PoolsChanged;

    /// <summary>True while the stream is open (after its <c>connection-established</c>).</summary>
    public bool IsConnected { get; private set; }

    /// <summary>How many times the stream has been established.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Why the last stream ended, as a sentence; null before any ended.</summary>
    public string? LastProblem { get; private set; }

    /// <summary>Starts following qubesd (once; later calls do nothing).</summary>
    public void Start()
    {
        lock (_gate) _loop ??= Task.Run(() => FollowAsync(_stop.Token));
    }

    private async Task FollowAsync(CancellationToken token)
    {
        var pause = _firstPause;
        while (!token.IsCancellationRequested)
        {
            var stream = _client.OpenEvents();
            await foreach (var e in stream.WithCancellation(token).ConfigureAwait(false))
            {
                if (e.Name == QubesdEvent.ConnectionEstablished)
                {
                    IsConnected = true;
                    pause = _firstPause;
                    if (Interlocked.Increment(ref _connections) > 1) Raise(e);
                }
                else if (R4EventKinds.AffectsPools(e)) Raise(e);
            }
            IsConnected = false;
            if (token.IsCancellationRequested) return;
            LastProblem = stream.Ended?.Message ?? "The qubesd event stream ended.";
            try { await Task.Delay(pause, _time, token).ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, _longestPause.Ticks));
        }
    }

    private void Raise(QubesdEvent e)
    {
        foreach (var handler in PoolsChanged?.GetInvocationList() ?? [])
        {
            // One failing subscriber must not stop the others or end the stream.
            try { ((Action<QubesdEvent>)handler)(e); }
            catch (Exception) { }
        }
    }

    /// <summary>Stops following and closes the stream.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        Task? loop;
        lock (_gate) loop = _loop;
        if (loop is not null) await loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
