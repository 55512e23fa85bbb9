using Microsoft.Extensions.DependencyInjection;
using QubesPoolConsole.Core.Qubesd.Backend;
using QubesPoolConsole.Core.Qubesd.Wire;

namespace QubesPoolConsole.Components.R4;

/// <summary>Registers what the qubesd (R4) pages need: the per-session drafts over one client, and the dialogs.</summary>
public static class R4PageServices
{
    /// <summary>
    /// The R4 pages over <paramref name="client"/>; <paramref name="sessionOf"/> names the login session of a scope
    /// (the host knows how sessions are kept); <paramref name="started"/> runs once the registry exists (to end drafts
    /// with their sessions).
    /// </summary>
    public static IServiceCollection AddR4Pages(this IServiceCollection services, Func<IServiceProvider, IQubesdClient> client,
        Func<IServiceProvider, string> sessionOf, Action<IServiceProvider, R4SessionDrafts>? started = null)
    {
        services.AddSingleton(sp =>
        {
            var drafts = new R4SessionDrafts(new R4PoolReader(client(sp)), sp.GetService<QubesdEventHub>());
            started?.Invoke(sp, drafts);
            return drafts;
        });
        services.AddScoped(sp => new R4Session(sp.GetRequiredService<R4SessionDrafts>(), sessionOf(sp)));
        services.AddScoped<R4Dialogs>();
        return services;
    }
}
