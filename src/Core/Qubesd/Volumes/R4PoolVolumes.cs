namespace QubesPoolConsole.Core.Qubesd.Volumes;

/// <summary>The volumes of one pool: VM-owned ones, ones no VM owns, and rows for what could not be read.</summary>
/// <param name="Pool">The pool's name.</param>
/// <param name="Rows">One row per volume or per failed read.</param>
/// <param name="Problems">Failures that are not one volume's (the VM list, the pool's volume list).</param>
public sealed record R4PoolVolumes(string Pool, IReadOnlyList<R4PoolVolume> Rows, IReadOnlyList<string> Problems)
{
    /// <summary>How many VM-owned volumes the pool holds (what the pools list counts).</summary>
    public int OwnedCount => Rows.Count(r => r.Vm is not null && r.Error is null);

    /// <summary>The sum of the known sizes.</summary>
    public long TotalSize => Rows.Sum(r => r.Size ?? 0);

    /// <summary>
    /// The sum of the known usages. This is not compared with the pool's usage: a file pool's usage is its file
    /// system's, shared with everything else on it, and LVM's counts snapshots and metadata the volumes do not.
    /// </summary>
    public long TotalUsage => Rows.Sum(r => r.Usage ?? 0);
}
