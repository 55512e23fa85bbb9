using QubesPoolConsole.Core.Qubesd.Backend;

namespace QubesPoolConsole.Components.R4;

/// <summary>
/// The qubesd pending changes of each login session: one <see cref="R4Draft"/> per session id, shared by every tab of
/// that session (kept in <see cref="PerSession{T}"/>, as <see cref="SessionDrafts"/> keeps the storage.conf drafts). A draft starts on the first page that asks for it and
/// lives until <see cref="End"/> (logout, idle expiry) or the process stops.
/// </summary>
public sealed class R4SessionDrafts(R4PoolReader reader)
{
    private readonly PerSession<Task<R4Draft>> _drafts = new(() => R4Draft.StartAsync(reader));

    /// <summary>The reader every draft reads qubesd through.</summary>
    public R4PoolReader Reader => reader;

    /// <summary>How many sessions have a draft now.</summary>
    public int Count => _drafts.Count;

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
}
