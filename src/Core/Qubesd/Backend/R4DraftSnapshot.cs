using QubesPoolConsole.Core.Qubesd.Pools;

namespace QubesPoolConsole.Core.Qubesd.Backend;

/// <summary>A draft at one moment (immutable): the pools as read when it started, the staged changes and their plan.</summary>
/// <param name="Base">The pools as read when the draft (re)started.</param>
/// <param name="Changes">The staged changes, in order.</param>
/// <param name="Plan">The plan of <paramref name="Changes"/> on <paramref name="Base"/>'s state; null when the base could not be read.</param>
public sealed record R4DraftSnapshot(R4PoolsView Base, IReadOnlyList<R4PoolChange> Changes, R4ChangePlan? Plan)
{
    /// <summary>True when something is staged.</summary>
    public bool HasChanges => Changes.Count > 0;
}
