namespace QubesPoolConsole.Core.Vms;

/// <summary>The VM wizard's one service: what can be chosen, the review, and the creation.</summary>
public interface IVmCreationService
{
    /// <summary>What the backend does (for the review step).</summary>
    string BackendDescription { get; }

    /// <summary>Reads storage.conf, qubes.xml and the pools' free space now.</summary>
    NewVmContext Load();

    /// <summary>The command, files and free-space check for <paramref name="request"/>.</summary>
    VmReview Review(VmRequest request, NewVmContext context);

    /// <summary>Creates the VM with the configured backend, reporting progress lines.</summary>
    Task<VmCreationResult> CreateAsync(VmRequest request, IProgress<string> progress, CancellationToken cancellationToken = default);
}
