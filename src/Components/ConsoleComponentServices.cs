using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using QubesPoolConsole.Components.Dialogs;
using QubesPoolConsole.Components.Routing;

namespace QubesPoolConsole.Components;

/// <summary>The services the console's components need besides Core's (the host adds the session's draft).</summary>
public static class ConsoleComponentServices
{
    /// <summary>
    /// MudBlazor, the dialog service pages open the pool dialogs through, and the backend's pages
    /// (<paramref name="pages"/>; storage.conf's when null).
    /// </summary>
    public static IServiceCollection AddConsoleComponents(this IServiceCollection services, ConsolePages? pages = null, Action<MudServicesConfiguration>? mud = null)
    {
        services.AddSingleton(pages ?? ConsolePages.StorageConf);
        services.AddMudServices(o => mud?.Invoke(o));
        services.AddScoped<PoolDialogs>();
        return services;
    }
}
