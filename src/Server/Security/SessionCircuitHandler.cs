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
public sealed class SessionCircuitHandler(AuthenticationStateProvider auth, SessionRegistry sessions, IJSRuntime js)
    : CircuitHandler
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
            // The call's reply comes back through this handler and is dropped with the rest, so the call never
            // completes: the timeout ends the wait. (No fallback to a reload from here: a page without session.js
            // would be one from an earlier start, whose circuit cannot reach this process in the first place.)
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await js.InvokeVoidAsync(SessionEndedFunction, timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or JSDisconnectedException or JSException)
        {
            // The page went away, or is on its way to the login page: nothing is left to do.
        }
    }
}
