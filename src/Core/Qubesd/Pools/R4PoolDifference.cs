namespace QubesPoolConsole.Core.Qubesd.Pools;

/// <summary>One difference between two readings of the pools.</summary>
/// <param name="Pool">The pool; for a default_pool* property, the property name (and <paramref name="Key"/> too).</param>
/// <param name="Key">The option or property that changed; null when the whole pool was added or removed.</param>
/// <param name="Old">The old value (or the removed pool's element); null when added.</param>
/// <param name="New">The new value (or the added pool's element); null when removed.</param>
public sealed record R4PoolDifference(string Pool, string? Key, string? Old, string? New)
{
    /// <summary>A sentence fragment: "pool ssd was added", "dir_path of pool x changed from /a to /b".</summary>
    public override string ToString() => (Key, Old, New) switch
    {
        _ when Key == Pool => $"{Key} changed from {Old} to {New}",
        (null, null, _) => $"pool {Pool} was added",
        (null, _, null) => $"pool {Pool} was removed",
        (_, null, _) => $"{Key} of pool {Pool} was set to {New}",
        (_, _, null) => $"{Key} of pool {Pool} (was {Old}) is gone",
        _ => $"{Key} of pool {Pool} changed from {Old} to {New}",
    };
}
