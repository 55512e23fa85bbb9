namespace QubesPoolConsole.Core.Qubesd.Pools;

/// <summary>The kinds of staged change on an R4 system.</summary>
public enum R4ChangeKind
{
    /// <summary><c>qvm-pool add</c>.</summary>
    AddPool,

    /// <summary><c>qvm-pool set</c> of revisions_to_keep or ephemeral_volatile.</summary>
    SetPoolOption,

    /// <summary><c>qvm-pool remove</c>.</summary>
    RemovePool,

    /// <summary><c>qubes-prefs default_pool… POOL</c>.</summary>
    SetDefaultPool,

    /// <summary><c>qubes-prefs --default default_pool…</c>.</summary>
    ResetDefaultPool,
}
