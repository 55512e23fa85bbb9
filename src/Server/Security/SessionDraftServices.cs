using Microsoft.AspNetCore.Components.Authorization;
using QubesPoolConsole.Core.Audit;
using QubesPoolConsole.Core.Drafts;
using QubesPoolConsole.Core.Pools;
using QubesPoolConsole.Core.Storage;

namespace QubesPoolConsole.Server.Security;

/// <summary>
/// Pending changes belong to the login session: every page (circuit) of a session gets the session's one draft from
/// <see cref="SessionDrafts"/>, and the draft ends when <see cref="SessionRegistry"/> ends the session (logout, idle
/// expiry) or the process stops.
/// </summary>
public static class SessionDraftServices
{
    /// <summary>Registers the per-session drafts and the scoped <see cref="PoolDraft"/> pages inject.</summary>
    public static IServiceCollection AddSessionDrafts(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var drafts = new SessionDrafts(sp.GetRequiredService<PoolCatalog>(), sp.GetRequiredService<IAuditLog>(),
                sp.GetRequiredService<FileChangeWatcher>());
            sp.GetRequiredService<SessionRegistry>().Ended += session => drafts.End(session);
            return drafts;
        });
        // The circuit's scope disposes what this factory returns; a shared draft follows no watcher of its own
        // (SessionDrafts refreshes it), so that disposal changes nothing for the session's other pages.
        services.AddScoped(sp => sp.GetRequiredService<SessionDrafts>().For(SessionOf(sp)));
        return services;
    }

    /// <summary>
    /// The session of the page being rendered. Prerendering and circuits both set the authentication state before
    /// any component is made, so the task has completed; every page requires a session (the fallback policy).
    /// </summary>
    private static string SessionOf(IServiceProvider services)
    {
        var state = services.GetRequiredService<AuthenticationStateProvider>().GetAuthenticationStateAsync();
        var session = state.IsCompletedSuccessfully ? state.Result.User.FindFirst(SessionClaims.Session)?.Value : null;
        return session ?? throw new InvalidOperationException("A page asked for pending changes without a login session.");
    }
}
