using QubesPoolConsole.Core.Audit;
using QubesPoolConsole.Core.Pools;
using QubesPoolConsole.Core.Storage;

namespace QubesPoolConsole.Core.Drafts;

/// <summary>
/// The pending changes of each login session: one <see cref="PoolDraft"/> per session id, shared by every tab, reload
/// and reconnected page of that session, so that all of them show the same changes and each sees the others' edits
/// (through <see cref="PoolDraft.Changed"/>). A draft lives until its session ends (<see cref="End"/>: logout, idle
/// expiry) or the process stops (<see cref="Dispose"/>); apply and revert empty it but keep it.
/// The drafts do not follow the watcher themselves: this registry does, so that a page that lets go of a draft
/// (its circuit's scope disposes it) cannot stop the live updates of the other pages of the session.
/// </summary>
public sealed class SessionDrafts : IDisposable
{
    private readonly PerSession<PoolDraft> _drafts;
    private readonly FileChangeWatcher? _watcher;

    /// <summary>Drafts over <paramref name="catalog"/>; with <paramref name="watcher"/>, every draft follows changes on disk.</summary>
    public SessionDrafts(PoolCatalog catalog, IAuditLog? audit = null, FileChangeWatcher? watcher = null)
    {
        _drafts = new PerSession<PoolDraft>(() => new PoolDraft(catalog, audit));
        _watcher = watcher;
        if (watcher is not null) watcher.Changed += OnFilesChanged;
    }

    /// <summary>How many sessions have a draft now.</summary>
    public int Count => _drafts.Count;

    /// <summary>The ids of the sessions that have a draft now.</summary>
    public IReadOnlyCollection<string> Sessions => _drafts.Sessions;

    /// <summary>The session's draft, started on the file as it is now when the session has none yet.</summary>
    public PoolDraft For(string session) => _drafts.For(session);

    /// <summary>How many changes the session has pending (0 when it has no draft); starts no draft.</summary>
    public int PendingCount(string session)
        => _drafts.TryGet(session, out var draft) && draft.HasChanges ? draft.Edits.Count : 0;

    /// <summary>
    /// Ends the session's draft (its pending changes are dropped; storage.conf is not touched). Returns how many
    /// changes were pending, 0 when the session had no draft.
    /// </summary>
    public int End(string session)
    {
        var pending = PendingCount(session);
        return _drafts.End(session) ? pending : 0;
    }

    /// <summary>Ends every draft (the process stops) and stops following the watcher.</summary>
    public void Dispose()
    {
        if (_watcher is not null) _watcher.Changed -= OnFilesChanged;
        _drafts.Clear();
    }

    private void OnFilesChanged(IReadOnlyList<string> files)
    {
        foreach (var draft in _drafts.Started) draft.Refresh();
    }
}
