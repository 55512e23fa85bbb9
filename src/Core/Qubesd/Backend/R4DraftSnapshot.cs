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

    /// <summary>
    /// How qubesd differs from <see cref="Base"/> as last re-read while changes were staged (empty: not known to
    /// differ). Apply refuses a stale draft; <see cref="R4Draft.RebaseAsync"/> moves the changes onto the new pools.
    /// </summary>
    public IReadOnlyList<R4PoolDifference> StaleBy { get; init; } = [];

    /// <summary>True when qubesd was seen to change under the staged changes.</summary>
    public bool IsStale => StaleBy.Count > 0;
}
