namespace QubesPoolConsole.Core.Qubesd.Vms;

/// <summary>
/// A new VM as the R4 wizard and CLI describe it: name, label, class, template, and either one pool for every
/// volume that can move (<c>qvm-create -P</c>) or pools per volume (<c>--pool VOLUME=POOL</c>).
/// </summary>
/// <param name="Name">The VM name.</param>
/// <param name="Label">A label name from <c>admin.label.List</c>.</param>
/// <param name="Class">AppVM, TemplateVM, StandaloneVM or DispVM.</param>
/// <param name="Template">The template; null or empty for the class default (or a class without one).</param>
/// <param name="Pool">One pool for all rw, non-snapshot volumes; null for none.</param>
/// <param name="Pools">Pools per volume (root, private, volatile, kernel); empty for none.</param>
public sealed record R4VmRequest(string Name, string Label, string Class = "AppVM", string? Template = null,
    string? Pool = null, IReadOnlyDictionary<string, string>? Pools = null)
{
    /// <summary>True when a pool (for all or per volume) is given, so the call is <c>admin.vm.CreateInPool</c>.</summary>
    public bool InPool => Pool is not null || (Pools?.Count ?? 0) > 0;
}
