using QubesPoolConsole.Core.Drafts;
using QubesPoolConsole.Core.Qubesd.Backend;

namespace QubesPoolConsole.Components.R4;

/// <summary>
/// The qubesd pending changes of each login session: one <see cref="R4Draft"/> per session id, shared by every tab of
/// that session (kept in <see cref="PerSession{T}"/>, as <see cref="SessionDrafts"/> keeps the storage.conf drafts). A draft starts on the first page that asks for it and
/// lives until <see cref="End"/> (logout, idle expiry) or the process stops. With an event hub, every started draft
/// re-reads qubesd after an event that changes the pools (<see cref="R4Draft.RefreshAsync"/>), a burst of events once.
/// </summary>
public sealed class R4SessionDrafts
{
    /// <summary>How long a refresh waits for more events of the same burst (creating a VM fires several).</summary>
    public static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(100);

    private readonly PerSession<Task<R4Draft>> _drafts;
    private readonly Lock _gate = new();
    private bool _refreshing;
    private bool _again;

    /// <summary>Drafts over <paramref name="reader"/>, refreshed on <paramref name="events"/> when given.</summary>
    public R4SessionDrafts(R4PoolReader reader, QubesdEventHub? events = null)
    {
        Reader = reader;
        _drafts = new(() => R4Draft.StartAsync(reader));
        if (events is not null) events.PoolsChanged += _ => ScheduleRefresh();
    }

    /// <summary>The reader every draft reads qubesd through.</summary>
    public R4PoolReader Reader { get; }

    /// <summary>How many sessions have a draft now.</summary>
    public int Count => _drafts.Count;

    /// <summary>Raised after every started draft was refreshed for a burst of events (tests wait on it).</summary>
    public event Action? Refreshed;

    /// <summary>The session's draft, started on qubesd's pools as they are now when the session has none yet.</summary>
    public Task<R4Draft> ForAsync(string session) => _drafts.For(session);

    /// <summary>How many changes the session has staged (0 without a draft); starts no draft.</summary>
    public int PendingCount(string session)
        => _drafts.TryGet(session, out var started) && started.IsCompletedSuccessfully ? started.Result.Changes.Count : 0;

    /// <summary>Ends the session's draft (its staged changes are dropped; nothing is sent). Returns how many were staged.</summary>
    public int End(string session)
    {
        var pending = PendingCount(session);
        return _drafts.End(session) ? pending : 0;
    }

    private void ScheduleRefresh()
    {
        lock (_gate)
        {
            if (_refreshing)
            {
                _again = true;
                return;
            }
            _refreshing = true;
        }
        _ = Task.Run(RefreshAllAsync);
    }

    private async Task RefreshAllAsync()
    {
        try
        {
            await RefreshUntilQuietAsync().ConfigureAwait(false);
        }
        catch
        {
            // An unexpected failure must not leave refreshes off for good: the next event starts a new loop.
            lock (_gate) _refreshing = false;
            throw;
        }
    }

    private async Task RefreshUntilQuietAsync()
    {
        while (true)
        {
            await Task.Delay(Coalesce).ConfigureAwait(false);
            lock (_gate) _again = false;
            var drafts = _drafts.Started.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result).ToList();
            if (drafts.Count > 0)
            {
                // One reading for every session; a read that fails leaves the drafts as they were.
                try
                {
                    var fresh = await Reader.ReadAsync().ConfigureAwait(false);
                    foreach (var draft in drafts) draft.Refresh(fresh);
                }
                catch (Exception e) when (e is IOException or TimeoutException or OperationCanceledException) { }
            }
            Refreshed?.Invoke();
            lock (_gate)
            {
                // Checked and cleared under the lock, so an event arriving now is either seen here or starts a new loop.
                if (!_again)
                {
                    _refreshing = false;
                    return;
                }
            }
        }
    }
}
