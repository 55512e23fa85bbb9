namespace QubesPoolConsole.Core.Qubesd.Volumes;

/// <summary>One VM and its volumes, or why its volumes could not be listed.</summary>
/// <param name="Vm">The VM's name.</param>
/// <param name="Class">Its class (AppVM, TemplateVM, AdminVM…), as <c>admin.vm.List</c> gives it.</param>
/// <param name="Volumes">Its volumes in qubesd's order; empty when they could not be listed.</param>
/// <param name="Error">Why <c>admin.vm.volume.List</c> failed; null when it was read.</param>
public sealed record R4VmVolumes(string Vm, string? Class, IReadOnlyList<R4VmVolume> Volumes, string? Error);
