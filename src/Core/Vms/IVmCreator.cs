namespace QubesPoolConsole.Core.Vms;

/// <summary>Creates VMs: qvm-create on dom0, or the same files and qubes.xml record in the sandbox.</summary>
public interface IVmCreator
{
    /// <summary>One sentence on what this backend does, for the review step.</summary>
    string Description { get; }

    /// <summary>
    /// Creates the VM, reporting each line of progress or output as it happens. Expected failures (name taken, unknown
    /// pool, missing template, refused user) come back as a failed result, never as exceptions.
    /// </summary>
    Task<VmCreationResult> CreateAsync(VmRequest request, IProgress<string> progress, CancellationToken cancellationToken = default);
}
