namespace QubesPoolConsole.Server.Security;

/// <summary>
/// Against cross-site WebSocket hijacking: requests to the Blazor hub (<c>/_blazor</c>) must come from this
/// server's own origin. A foreign Origin is refused (403); a missing Origin is refused on the negotiate request,
/// the WebSocket upgrade and any non-GET request (browsers always send it there).
/// </summary>
public static class HubOriginCheck
{
    /// <summary>The hub's path.</summary>
    public static readonly PathString HubPath = "/_blazor";

    /// <summary>True when the request may reach the hub.</summary>
    public static bool IsAllowed(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin))
        {
            var mustHaveOrigin = IsWebSocketUpgrade(request)
                || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                || request.Path.Value!.EndsWith("/negotiate", StringComparison.OrdinalIgnoreCase);
            return !mustHaveOrigin;
        }
        var own = $"{request.Scheme}://{request.Host.Value}";
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase);
    }

    // The WebSocket middleware runs inside the hub's own endpoint, so look at the request itself
    // (HTTP/1.1 Upgrade header; HTTP/2 extended CONNECT is not GET and is covered by the method rule).
    private static bool IsWebSocketUpgrade(HttpRequest request)
        => request.Headers.Upgrade.Any(v => v is not null && v.Contains("websocket", StringComparison.OrdinalIgnoreCase));

    /// <summary>The middleware (after the Host allowlist, so the Host is one of ours).</summary>
    public static IApplicationBuilder UseHubOriginCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments(HubPath) && !IsAllowed(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("Forbidden: wrong origin.");
            return;
        }
        await next(context);
    });
}
