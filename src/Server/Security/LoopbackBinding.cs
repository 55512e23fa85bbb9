using System.Net;
using Microsoft.AspNetCore.Http;
using QubesPoolConsole.Server.Configuration;

namespace QubesPoolConsole.Server.Security;

/// <summary>
/// Decides where Kestrel listens: loopback only (127.0.0.0/8, ::1, localhost). <c>--urls</c> / <c>ASPNETCORE_URLS</c>
/// are honoured when every address in them is loopback; otherwise the console listens on 127.0.0.1:Console:Port.
/// Anything that asks for another address (urls, Kestrel endpoints, ASPNETCORE_HTTP(S)_PORTS) refuses the start.
/// </summary>
public static class LoopbackBinding
{
    /// <summary>Process exit code when the console refuses to start because of its binding.</summary>
    public const int RefusedExitCode = 2;

    /// <summary>Validates the listening configuration and configures Kestrel; throws <see cref="NonLoopbackBindingException"/>.</summary>
    public static void Configure(WebApplicationBuilder builder, ConsoleOptions options)
    {
        var config = builder.Configuration;
        foreach (var key in new[] { "http_ports", "https_ports" })
        {
            if (!string.IsNullOrWhiteSpace(config[key]))
            {
                throw Refuse($"{key} ({config[key]}) asks to listen on every network interface");
            }
        }
        foreach (var endpoint in config.GetSection("Kestrel:Endpoints").GetChildren())
        {
            var url = endpoint["Url"];
            if (url is not null && !IsLoopbackUrl(url))
            {
                throw Refuse($"the Kestrel endpoint \"{endpoint.Key}\" asks to listen on {url}");
            }
        }
        if (options.Port is < 0 or > 65535)
        {
            throw Refuse($"Console:Port {options.Port} is not a port number");
        }

        var urls = config["urls"];
        if (string.IsNullOrWhiteSpace(urls))
        {
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
            return;
        }
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!IsLoopbackUrl(url))
            {
                throw Refuse($"--urls / ASPNETCORE_URLS asks to listen on {url}");
            }
        }
        // Every address is loopback: Kestrel binds exactly those (and Console:Port is not used).
    }

    /// <summary>True for http(s) URLs whose host is localhost or a loopback IP address (127.0.0.0/8, ::1).</summary>
    public static bool IsLoopbackUrl(string url)
    {
        BindingAddress address;
        try
        {
            address = BindingAddress.Parse(url);
        }
        catch (FormatException)
        {
            return false;
        }
        if (address.IsNamedPipe || address.IsUnixPipe) return false;
        if (address.Scheme is not ("http" or "https")) return false;
        return IsLoopbackHost(address.Host);
    }

    /// <summary>True for <c>localhost</c> and loopback IP literals (with or without IPv6 brackets).</summary>
    public static bool IsLoopbackHost(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
        var literal = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return IPAddress.TryParse(literal, out var ip) && IPAddress.IsLoopback(ip);
    }

    private static NonLoopbackBindingException Refuse(string what) => new(
        $"Refusing to start: {what}, which is not a loopback address. The console only listens on loopback " +
        "(127.0.0.0/8 or ::1), e.g. --urls http://127.0.0.1:8431 or --port 8431.");
}
