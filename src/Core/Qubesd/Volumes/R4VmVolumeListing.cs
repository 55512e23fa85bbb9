namespace QubesPoolConsole.Core.Qubesd.Volumes;

/// <summary>Every VM qubesd lists with its volumes, or why the VM list could not be read.</summary>
/// <param name="Vms">One entry per VM, in qubesd's order (dom0 included); empty when the list failed.</param>
/// <param name="Error">Why <c>admin.vm.List</c> failed; null when it was read.</param>
public sealed record R4VmVolumeListing(IReadOnlyList<R4VmVolumes> Vms, string? Error)
{
    /// <summary>True when the VM list was read (single VMs may still carry errors).</summary>
    public bool IsLoaded => Error is null;
}
