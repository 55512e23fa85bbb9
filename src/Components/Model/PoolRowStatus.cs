namespace QubesPoolConsole.Components.Model;

/// <summary>How a pool in the draft differs from the file on disk.</summary>
public enum PoolRowStatus
{
    /// <summary>As on disk.</summary>
    Unchanged,
    /// <summary>Added by a pending change.</summary>
    New,
    /// <summary>Changed by a pending change.</summary>
    Changed,
    /// <summary>Removed by a pending change (still on disk).</summary>
    Removed,
}
