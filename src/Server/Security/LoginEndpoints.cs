using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

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

        endpoints.MapPost("/logout", async (HttpContext context, SessionRegistry sessions) =>
            {
                if (context.User.FindFirst(SessionClaims.Session)?.Value is { } session) sessions.End(session);
                await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                await LoginPage.WriteAsync(context, StatusCodes.Status200OK, "/", "You have logged out.");
            })
            .WithMetadata(new RequireAntiforgeryTokenAttribute());
    }

    private static async Task LoginAsync(HttpContext context, string? token, string? returnUrl)
    {
        var login = context.RequestServices.GetRequiredService<LoginToken>();
        if (!login.Matches(token))
        {
            await LoginPage.WriteAsync(context, StatusCodes.Status401Unauthorized, returnUrl);
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
