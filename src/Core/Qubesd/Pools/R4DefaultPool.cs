namespace QubesPoolConsole.Core.Qubesd.Pools;

/// <summary>
/// One <c>default_pool*</c> global property as <c>admin.property.Get</c> reports it (<c>default=True type=str vm-pool</c>).
/// </summary>
/// <param name="Property">default_pool, default_pool_private, default_pool_root, default_pool_volatile or default_pool_kernel.</param>
/// <param name="Value">The pool it resolves to, or null when qubesd could not resolve it (or the console cannot predict it).</param>
/// <param name="IsDefault">True when not set explicitly: it follows default_pool (default_pool itself: qubesd's own choice).</param>
public sealed record R4DefaultPool(string Property, string? Value, bool IsDefault);
