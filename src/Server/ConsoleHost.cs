using MudBlazor.Services;
using QubesPoolConsole.Components;
using QubesPoolConsole.Core.Audit;
using QubesPoolConsole.Core.Drafts;
using QubesPoolConsole.Core.Pools;
using QubesPoolConsole.Core.Storage;
using QubesPoolConsole.Server.Configuration;
using QubesPoolConsole.Server.Qubesd;
using QubesPoolConsole.Server.Security;
using QubesPoolConsole.Server.Vms;

namespace QubesPoolConsole.Server;

/// <summary>Builds the console's web application. Tests call <see cref="Build"/> with their own settings.</summary>
public static class ConsoleHost
{
    /// <summary>Command-line switches mapped to configuration keys.</summary>
    public static readonly IReadOnlyDictionary<string, string> SwitchMappings = new Dictionary<string, string>
    {
        ["--conf"] = "Console:Conf",
        ["--qubes-xml"] = "Console:QubesXml",
        ["--data"] = "Console:DataDirectory",
        ["--state"] = "Console:StateDirectory",
        ["--port"] = "Console:Port",
        ["--mode"] = "Console:Mode",
        ["--config"] = SystemConfigFile.Key,
        ["--backend"] = "Console:Backend",
        ["--qubesd-socket"] = "Console:QubesdSocket",
        ["--r4-release"] = "Console:QubesdRelease",
    };

    /// <summary>Builds the app; <paramref name="configure"/> runs last, before <c>Build()</c>.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        args = ConsoleBackendSetting.ExpandFlags(args); // --r4 means --backend=qubesd
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            // Tests host this assembly too: static web assets are looked up by the app's own name.
            ApplicationName = typeof(ConsoleHost).Assembly.GetName().Name,
        });
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
        builder.Services.AddConsoleBackend(ConsoleBackend.Resolve(options, paths));
        builder.Services.AddConsoleCore(paths);
        builder.Services.AddSessionDrafts();
        builder.Services.AddVmCreation(options, paths);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddConsoleComponents();

        var app = builder.Build();
        app.UseConsoleSecurity();
        app.MapStaticAssets().AllowAnonymous();
        app.UseAntiforgery();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode(ConsoleSecurity.ConfigureHub);
        return app;
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
