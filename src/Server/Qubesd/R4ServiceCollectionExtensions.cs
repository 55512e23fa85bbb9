using QubesPoolConsole.Core.Backends;
using QubesPoolConsole.Core.Qubesd.Backend;
using QubesPoolConsole.Core.Qubesd.Wire;
using QubesPoolConsole.Server.Configuration;

namespace QubesPoolConsole.Server.Qubesd;

/// <summary>Registers the resolved backend with the web host.</summary>
public static class R4ServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ConsoleBackend"/> always; for the qubesd backend also <see cref="R4Services"/>,
    /// <see cref="IQubesdClient"/> and <see cref="R4PoolReader"/> (singletons) and, when the backend starts the
    /// sandbox, the hosted service that runs it. On storage.conf those three are not registered: inject them only
    /// where <see cref="ConsoleBackend.Kind"/> is <see cref="BackendKind.Qubesd"/>.
    /// </summary>
    public static IServiceCollection AddConsoleBackend(this IServiceCollection services, ConsoleBackend backend, ConsolePaths paths)
    {
        services.AddSingleton(backend);
        if (backend.Kind != BackendKind.Qubesd) return services;
        var r4 = ConsoleServices.CreateR4(backend, paths);
        services.AddSingleton(r4);
        services.AddSingleton(r4.Client);
        services.AddSingleton(r4.Reader);
        // One admin.Events stream for the process, opened with the first qubesd page's drafts.
        services.AddSingleton(_ =>
        {
            var hub = new QubesdEventHub(r4.Client);
            hub.Start();
            return hub;
        });
        if (backend.StartsSandbox) services.AddHostedService<QubesdSandboxHostedService>();
        return services;
    }
}
