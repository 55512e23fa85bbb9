using QubesPoolConsole.Core.Qubesd.Backend;

namespace QubesPoolConsole.Components.R4;

/// <summary>The qubesd draft of the login session a circuit (or prerender) belongs to. Scoped.</summary>
public sealed class R4Session(R4SessionDrafts drafts, string session)
{
    /// <summary>The login session's id, as the audit log names it.</summary>
    public string Id => session;

    /// <summary>The reader every draft reads qubesd through (its client serves the pool pages' other reads).</summary>
    public R4PoolReader Reader => drafts.Reader;

    /// <summary>The session's draft.</summary>
    public Task<R4Draft> DraftAsync() => drafts.ForAsync(session);

    /// <summary>How many changes the session has staged.</summary>
    public int PendingCount => drafts.PendingCount(session);
}
