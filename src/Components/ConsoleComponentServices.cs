using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using QubesPoolConsole.Components.Dialogs;

namespace QubesPoolConsole.Components;

/// <summary>The services the console's components need besides Core's (the host adds the session's draft).</summary>
public static class ConsoleComponentServices
{
    /// <summary>MudBlazor, and the dialog service pages open the pool dialogs through.</summary>
    public static IServiceCollection AddConsoleComponents(this IServiceCollection services, Action<MudServicesConfiguration>? mud = null)
    {
        services.AddMudServices(o => mud?.Invoke(o));
        services.AddScoped<PoolDialogs>();
        return services;
    }
}
