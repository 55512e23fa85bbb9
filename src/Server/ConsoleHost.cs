using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor.Services;
using QubesPoolConsole.Components;
using QubesPoolConsole.Components.R4;
using QubesPoolConsole.Components.Routing;
using QubesPoolConsole.Core.Audit;
using QubesPoolConsole.Core.Backends;
using QubesPoolConsole.Core.Drafts;
using QubesPoolConsole.Core.Pools;
using QubesPoolConsole.Core.Qubesd.Wire;
using QubesPoolConsole.Core.Storage;
using QubesPoolConsole.Server.Configuration;
using QubesPoolConsole.Server.Qubesd;
using QubesPoolConsole.Server.Security;
using QubesPoolConsole.Server.Vms;

namespace QubesPoolConsole.Server;

/// <summary>Builds the console's web application. Tests call <see cref="Build"/> with their own settings.</summary>
public static class ConsoleHost
{
    /// <summary>Command-line switches mapped to configuration keys (<see cref="ConsoleSwitches"/>, shared with the CLI).</summary>
    public static IReadOnlyDictionary<string, string> SwitchMappings => ConsoleSwitches.Mappings;

    /// <summary>Builds the app; <paramref name="configure"/> runs last, before <c>Build()</c>.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        args = ConsoleBackendSetting.ExpandFlags(args); // --r4 means --backend=qubesd
        // The slim builder: no IIS integration, no HTTP/3 (QUIC) transport, no Debug or EventSource logger, which the
        // console never uses and which each cost assemblies loaded at every start (docs/benchmarks.md, eighth round).
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            // Tests host this assembly too: static web assets are looked up by the app's own name.
            ApplicationName = typeof(ConsoleHost).Assembly.GetName().Name,
        });
        // What the full builder adds that the console does use: https:// URLs and Kestrel settings from configuration,
        // and, when run from source (Development), the static web assets of the projects and packages it references.
        builder.WebHost.UseKestrelHttpsConfiguration();
        if (builder.Environment.IsDevelopment()) builder.WebHost.UseStaticWebAssets();
        builder.Configuration.AddSystemConfigFile(args, new Dictionary<string, string>(SwitchMappings));
        builder.Configuration.AddEnvironmentVariables("QPC_");
        builder.Configuration.AddCommandLine(args, new Dictionary<string, string>(SwitchMappings));
        configure?.Invoke(builder);
        ConsoleOptionsValidator.ThrowIfInvalid(builder.Configuration.GetSection(ConsoleOptions.Section));

        var options = builder.Configuration.GetSection(ConsoleOptions.Section).Get<ConsoleOptions>() ?? new ConsoleOptions();
        builder.AddConsoleSecurity(options); // refuses non-loopback binding before anything is written
        var paths = ConsolePaths.Resolve(options);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(paths);
        var backend = ConsoleBackend.Resolve(options, paths);
        builder.Services.AddConsoleBackend(backend, paths);
        builder.Services.AddConsoleCore(paths);
        builder.Services.AddSessionDrafts();
        builder.Services.AddVmCreation(options, paths);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        var pages = backend.Kind == BackendKind.Qubesd ? ConsolePages.Qubesd : ConsolePages.StorageConf;
        builder.Services.AddConsoleComponents(pages with { Caption = backend.Description });
        AddR4Pages(builder, backend);
        builder.Services.WithoutKeyRingOnDisk();

        var app = builder.Build();
        app.UseConsoleSecurity();
        app.MapStaticAssets().AllowAnonymous();
        app.UseAntiforgery();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode(ConsoleSecurity.ConfigureHub);
        return app;
    }

    // The qubesd pages, with one R4 draft per login session (ended with the session), on the qubesd backend only.
    private static void AddR4Pages(WebApplicationBuilder builder, ConsoleBackend backend)
    {
        if (backend.Kind != BackendKind.Qubesd) return;
        builder.Services.AddR4Pages(sp => sp.GetRequiredService<IQubesdClient>(), R4SessionOf,
            (sp, drafts) => sp.GetRequiredService<SessionRegistry>().Ended += session => drafts.End(session));
    }

    private static string R4SessionOf(IServiceProvider services)
    {
        var state = services.GetRequiredService<AuthenticationStateProvider>().GetAuthenticationStateAsync();
        var session = state.IsCompletedSuccessfully ? state.Result.User.FindFirst(SessionClaims.Session)?.Value : null;
        return session ?? throw new InvalidOperationException("A qubesd page asked for pending changes without a login session.");
    }


    /// <summary>Registers Core's services for the resolved paths, built by <see cref="ConsoleServices"/> as for the CLI.</summary>
    public static IServiceCollection AddConsoleCore(this IServiceCollection services, ConsolePaths paths)
    {
        var core = ConsoleServices.Create(paths, seedSandbox: true);
        services.AddSingleton(core);
        services.AddSingleton(core.Store);
        services.AddSingleton(core.Catalog);
        services.AddSingleton(core.Audit);
        services.AddSingleton(core.User);
        // Changes made outside the console (editor, qvm tools) reach every open draft; created on first use only.
        services.AddSingleton(_ => new FileChangeWatcher([paths.Conf, paths.QubesXml]));
        return services;
    }
}
