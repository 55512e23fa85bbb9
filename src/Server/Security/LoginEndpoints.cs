using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using QubesPoolConsole.Core.Drafts;

namespace QubesPoolConsole.Server.Security;

/// <summary><c>GET/POST /login</c> exchange the start token for a session cookie; <c>POST /logout</c> ends the session.</summary>
public static class LoginEndpoints
{
    /// <summary>The query parameter carrying the token.</summary>
    public const string TokenParameter = "t";

    /// <summary>The query/form field of the local URL to go to after login.</summary>
    public const string ReturnUrlParameter = "ReturnUrl";

    /// <summary>Maps the endpoints (anonymous access except logout).</summary>
    public static void MapLoginEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/login", (HttpContext context, [FromQuery(Name = TokenParameter)] string? t,
                [FromQuery(Name = ReturnUrlParameter)] string? returnUrl)
            => LoginAsync(context, t, returnUrl))
            .AllowAnonymous();

        endpoints.MapPost("/login", (HttpContext context, [FromForm(Name = TokenParameter)] string? t,
                [FromForm(Name = ReturnUrlParameter)] string? returnUrl)
            => LoginAsync(context, TokenFromPasted(t), returnUrl))
            .AllowAnonymous();

        endpoints.MapPost("/logout", async (HttpContext context, SessionRegistry sessions, IAntiforgery antiforgery) =>
            {
                // No form parameters to bind, so the antiforgery check is made here rather than by binding.
                if (!await antiforgery.IsRequestValidAsync(context))
                {
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    return;
                }
                var pending = 0;
                if (context.User.FindFirst(SessionClaims.Session)?.Value is { } session)
                {
                    pending = context.RequestServices.GetRequiredService<SessionDrafts>().PendingCount(session);
                    sessions.End(session);
                }
                await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                await LoginPage.WriteAsync(context, StatusCodes.Status200OK, "/",
                    pending == 0 ? "You have logged out." : $"You have logged out. {PendingEnded(pending)}");
            });
    }

    /// <summary>The query parameter the sign-in redirect adds when the browser's session had ended.</summary>
    public const string SessionEndedParameter = "ended";

    /// <summary>What the login page says after an idle timeout or a logout in another tab.</summary>
    public const string SessionEndedNotice =
        "Your session has ended (idle timeout, or logged out in another tab). Your pending changes ended with your session; storage.conf was not touched.";

    /// <summary>What the logout page adds when changes were pending.</summary>
    public static string PendingEnded(int count)
        => $"Your pending changes ended with your session ({count} not applied; storage.conf was not touched).";

    private static async Task LoginAsync(HttpContext context, string? token, string? returnUrl)
    {
        var login = context.RequestServices.GetRequiredService<LoginToken>();
        if (!login.Matches(token))
        {
            var ended = context.Request.Query.ContainsKey(SessionEndedParameter);
            await LoginPage.WriteAsync(context, StatusCodes.Status401Unauthorized, returnUrl, ended ? SessionEndedNotice : null);
            return;
        }
        var session = context.RequestServices.GetRequiredService<SessionRegistry>().Start();
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, Environment.UserName), new Claim(SessionClaims.Session, session)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity),
            new AuthenticationProperties { IsPersistent = false });
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Redirect(LocalReturnUrl.OrRoot(returnUrl));
    }

    // People paste the whole printed URL as often as the token.
    private static string? TokenFromPasted(string? pasted)
    {
        if (string.IsNullOrWhiteSpace(pasted)) return null;
        pasted = pasted.Trim();
        var marker = pasted.IndexOf("?t=", StringComparison.Ordinal);
        if (marker < 0) return pasted;
        var value = pasted[(marker + 3)..];
        var end = value.IndexOf('&');
        return Uri.UnescapeDataString(end < 0 ? value : value[..end]);
    }
}
