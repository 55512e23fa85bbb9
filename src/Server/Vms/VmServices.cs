using QubesPoolConsole.Core.Pools;
using QubesPoolConsole.Core.Vms;
using QubesPoolConsole.Server.Configuration;

namespace QubesPoolConsole.Server.Vms;

/// <summary>Chooses and registers the VM creation backend.</summary>
public static class VmServices
{
    /// <summary>The backend for the options: explicit Console:VmBackend, else Dom0 in dom0 mode and Sandbox otherwise.</summary>
    public static VmBackendKind BackendFor(ConsoleOptions options, ConsolePaths paths)
    {
        var kind = options.VmBackend ?? (paths.Mode == ConsoleMode.Dom0 ? VmBackendKind.Dom0 : VmBackendKind.Sandbox);
        if (kind == VmBackendKind.Sandbox && paths.Mode == ConsoleMode.Dom0)
        {
            // The sandbox backend writes qubes.xml and image files itself; on a real dom0 only qvm-create may do that.
            throw new InvalidOperationException("Console:VmBackend=Sandbox is refused in dom0 mode: it would write the real qubes.xml. Use VmBackend=Dom0 (qvm-create).");
        }
        return kind;
    }

    /// <summary>Registers <see cref="IVmCreator"/> and <see cref="IVmCreationService"/>.</summary>
    public static IServiceCollection AddVmCreation(this IServiceCollection services, ConsoleOptions options, ConsolePaths paths)
    {
        var kind = BackendFor(options, paths);
        services.AddSingleton<IVmCreator>(sp => kind == VmBackendKind.Dom0
            ? new Dom0VmCreator(new Dom0VmCreatorOptions
            {
                RunAsUser = string.IsNullOrWhiteSpace(options.QvmCreateUser) ? null : options.QvmCreateUser,
                QvmCreatePath = string.IsNullOrWhiteSpace(options.QvmCreatePath) ? QvmCreateCommand.Program : options.QvmCreatePath,
            })
            : new SandboxVmCreator(sp.GetRequiredService<PoolCatalog>()));
        services.AddSingleton<IVmCreationService>(sp => new VmCreationService(sp.GetRequiredService<PoolCatalog>(), sp.GetRequiredService<IVmCreator>()));
        return services;
    }
}
