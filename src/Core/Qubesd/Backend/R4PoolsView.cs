using QubesPoolConsole.Core.Qubesd.Pools;

namespace QubesPoolConsole.Core.Qubesd.Backend;

/// <summary>
/// Everything the pools page shows, read from qubesd at one moment: the state the planner checks against, one row
/// per pool, the totals, and the parts that could not be read. When <c>admin.pool.List</c> itself failed there is
/// only <see cref="Error"/>.
/// </summary>
/// <param name="State">The state for <see cref="R4Planner"/>, or null when the pool list could not be read.</param>
/// <param name="Rows">The pools in qubesd's order.</param>
/// <param name="Problems">Sentences about what else could not be read (drivers, a default_pool* property, a VM's volumes); the rows still show.</param>
/// <param name="Error">Why nothing could be read (admin.pool.List failed), as qubesd or the client said it; null otherwise.</param>
/// <param name="ReadAt">When the read finished.</param>
public sealed record R4PoolsView(
    R4PoolState? State,
    IReadOnlyList<R4PoolRow> Rows,
    IReadOnlyList<string> Problems,
    string? Error,
    DateTimeOffset ReadAt)
{
    /// <summary>True when the pool list was read (rows may still carry their own errors).</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(State))]
    public bool IsLoaded => Error is null && State is not null;

    /// <summary>The sum of data size and usage over the rows that <see cref="R4PoolRow.CountsInTotal"/> (nested pools once).</summary>
    public R4Usage Total
    {
        get
        {
            var counted = Rows.Where(r => r.CountsInTotal).ToList();
            return counted.Count == 0 ? new R4Usage(null, null) : new R4Usage(counted.Sum(r => r.Data!.Size!.Value), counted.Sum(r => r.Data!.Used!.Value));
        }
    }

    /// <summary>The row of <paramref name="pool"/>, or null.</summary>
    public R4PoolRow? Row(string pool) => Rows.FirstOrDefault(r => r.Name == pool);

    /// <summary>A view that holds only the whole-view error <paramref name="error"/>.</summary>
    public static R4PoolsView Failed(string error, DateTimeOffset at) => new(null, [], [], error, at);
}
