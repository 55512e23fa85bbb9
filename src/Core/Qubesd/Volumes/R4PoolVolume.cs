namespace QubesPoolConsole.Core.Qubesd.Volumes;

/// <summary>One volume in a pool, as the pool page shows it.</summary>
/// <param name="Vm">The VM that owns it, or null for a volume the pool lists that no VM owns.</param>
/// <param name="Volume">The VM's name for it (root, private, volatile, kernel), or null when unowned or unreadable.</param>
/// <param name="Vid">The pool's volume id (Info <c>vid</c>, or the <c>admin.pool.volume.List</c> line).</param>
/// <param name="Size">Its size in bytes, when known.</param>
/// <param name="Usage">Its usage in bytes, when known.</param>
/// <param name="RevisionsToKeep">Info <c>revisions_to_keep</c>, when known.</param>
/// <param name="Source">The vid of the volume it is a snapshot of (Info <c>source</c>), or null.</param>
/// <param name="Error">Why its VM's volumes or its Info could not be read, as qubesd said it; null when read.</param>
public sealed record R4PoolVolume(
    string? Vm,
    string? Volume,
    string? Vid,
    long? Size,
    long? Usage,
    long? RevisionsToKeep,
    string? Source,
    string? Error)
{
    /// <summary>True for a volume the pool lists but no VM's volume Info names.</summary>
    public bool IsUnowned => Vm is null && Error is null;
}
