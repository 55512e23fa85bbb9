namespace QubesPoolConsole.Server.Security;

/// <summary>The headers every response carries.</summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Blazor Server needs no inline script or eval; MudBlazor sets inline styles, hence style-src 'unsafe-inline'.
    /// connect-src 'self' covers the hub's same-origin WebSocket.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; " +
        "form-action 'self'";

    /// <summary>Sets the headers on a response that has not started.</summary>
    public static void Apply(HttpResponse response)
    {
        var h = response.Headers;
        h.ContentSecurityPolicy = ContentSecurityPolicy;
        h.XContentTypeOptions = "nosniff";
        h["Referrer-Policy"] = "no-referrer";
        h["Cross-Origin-Resource-Policy"] = "same-origin";
        h.XFrameOptions = "DENY";
    }

    /// <summary>Adds the headers to every response, whatever produces it.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            Apply(context.Response);
            return Task.CompletedTask;
        });
        return next(context);
    });
}
