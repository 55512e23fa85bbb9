using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace QubesPoolConsole.Server.Security;

/// <summary>
/// Work inside an open page arrives over the hub, not as HTTP requests: each inbound call keeps the session alive,
/// and once the session has ended (idle timeout, logout in another tab) the call is dropped and the browser reloads,
/// which lands on the login page.
/// </summary>
public sealed class SessionCircuitHandler(AuthenticationStateProvider auth, SessionRegistry sessions, NavigationManager navigation)
    : CircuitHandler
{
    /// <inheritdoc />
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(
        Func<CircuitInboundActivityContext, Task> next) => async context =>
    {
        var state = await auth.GetAuthenticationStateAsync();
        var session = state.User.FindFirst(SessionClaims.Session)?.Value;
        if (session is null || !sessions.TryTouch(session))
        {
            navigation.Refresh(forceReload: true);
            return;
        }
        await next(context);
    };
}
