using System.Net;

namespace QubesPoolConsole.Server.Security;

/// <summary>
/// Against DNS rebinding: the Host header must name this server on loopback — <c>localhost</c>, <c>127.0.0.1</c>,
/// <c>[::1]</c> (or the loopback address the connection arrived on) with the port the connection arrived on.
/// Anything else gets 400 before any other middleware runs.
/// </summary>
public static class HostAllowlist
{
    /// <summary>True when <paramref name="host"/> is allowed for a connection to <paramref name="localIp"/>:<paramref name="localPort"/>.</summary>
    public static bool IsAllowed(HostString host, IPAddress? localIp, int localPort, bool https)
    {
        if (!host.HasValue) return false;
        var port = host.Port ?? (https ? 443 : 80);
        if (port != localPort) return false;
        var name = host.Host;
        if (name is "localhost" or "127.0.0.1" or "[::1]") return true;
        if (string.Equals(name, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
        // A literal loopback address that is the one we were reached on (e.g. --urls http://127.0.0.2:8431).
        var literal = name.StartsWith('[') && name.EndsWith(']') ? name[1..^1] : name;
        return localIp is not null && IPAddress.IsLoopback(localIp)
            && IPAddress.TryParse(literal, out var ip) && ip.Equals(localIp.IsIPv4MappedToIPv6 ? localIp.MapToIPv4() : localIp);
    }

    /// <summary>The middleware; put it first.</summary>
    public static IApplicationBuilder UseHostAllowlist(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var c = context.Connection;
        if (!IsAllowed(context.Request.Host, c.LocalIpAddress, c.LocalPort, context.Request.IsHttps))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            SecurityHeaders.Apply(context.Response);
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("Bad request: unknown Host.");
            return;
        }
        await next(context);
    });
}
