using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.JSInterop;

namespace QubesPoolConsole.Server.Security;

/// <summary>
/// Work inside an open page arrives over the hub, not as HTTP requests: each inbound call keeps the session alive,
/// and once the session has ended (idle timeout, logout in another tab) the call is dropped and the page is sent
/// to the login page, once per circuit. session.js decides how: a page that is itself posting the logout is left
/// to its navigation (a reload would cancel it).
/// </summary>
public sealed class SessionCircuitHandler(AuthenticationStateProvider auth, SessionRegistry sessions, IJSRuntime js,
    NavigationManager navigation) : CircuitHandler
{
    /// <summary>The page script's function that reloads a page whose session has ended.</summary>
    public const string SessionEndedFunction = "qpcSessionEnded";

    private int _sentToLogin;

    /// <inheritdoc />
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(
        Func<CircuitInboundActivityContext, Task> next) => async context =>
    {
        var state = await auth.GetAuthenticationStateAsync();
        var session = state.User.FindFirst(SessionClaims.Session)?.Value;
        if (session is null || !sessions.TryTouch(session))
        {
            // Once: the call's own reply would come back through here and be dropped too, and every further
            // call would send the page again.
            if (Interlocked.Exchange(ref _sentToLogin, 1) == 0) _ = SendToLoginAsync();
            return;
        }
        await next(context);
    };

    private async Task SendToLoginAsync()
    {
        try
        {
            // Not awaited for its reply (which this handler drops): a short timeout ends the wait.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await js.InvokeVoidAsync(SessionEndedFunction, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // The reply was dropped above, or the page went away: either way nothing is left to do.
        }
        catch (JSDisconnectedException)
        {
        }
        catch (JSException)
        {
            // The page lacks session.js (an old cached page): reload it the framework's way.
            navigation.Refresh(forceReload: true);
        }
    }
}
