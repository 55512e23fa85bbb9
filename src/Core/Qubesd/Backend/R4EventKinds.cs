using QubesPoolConsole.Core.Qubesd.Wire;

namespace QubesPoolConsole.Core.Qubesd.Backend;

/// <summary>Which <c>admin.Events</c> events change what the pool pages show.</summary>
public static class R4EventKinds
{
    /// <summary>
    /// True for the app events after which the pools, their volumes or the default_pool* properties may differ:
    /// <c>pool-add</c>, <c>pool-delete</c>, <c>domain-add</c>, <c>domain-delete</c>, <c>property-set:default_pool*</c>
    /// and <c>property-reset:default_pool*</c> (the pre- events fire before the change and are not counted).
    /// </summary>
    public static bool AffectsPools(QubesdEvent e) => e.Subject.Length == 0 && (e.Name switch
    {
        "pool-add" or "pool-delete" or "domain-add" or "domain-delete" => true,
        _ => e.Name.StartsWith("property-set:default_pool", StringComparison.Ordinal)
            || e.Name.StartsWith("property-reset:default_pool", StringComparison.Ordinal),
    });
}
