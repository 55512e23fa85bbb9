namespace QubesPoolConsole.Core.Qubesd.Vms;

/// <summary>One volume a new VM gets: the pool it will be created in, why that pool, and its default size.</summary>
/// <param name="Volume">root, private, volatile or kernel.</param>
/// <param name="Pool">The pool it lands in; null when no pool could be worked out.</param>
/// <param name="Why">"given", "default (default_pool_private)", or "stays with its template (snapshot)".</param>
/// <param name="Size">The default size in bytes; null for the kernel (read-only, nothing created).</param>
public sealed record R4VmVolumePlan(string Volume, string? Pool, string Why, long? Size)
{
    /// <summary>True when qubesd writes a new image for it (not a snapshot of the template, not the kernel).</summary>
    public bool IsCreated => Size is not null && !Why.StartsWith("stays", StringComparison.Ordinal);
}
