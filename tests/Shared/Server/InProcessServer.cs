using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QubesPoolConsole.Server;
using QubesPoolConsole.Server.Security;

namespace QubesPoolConsole.Tests.Shared;

/// <summary>
/// The real console, in-process on 127.0.0.1 with a free port, on its own fresh sandbox in a temp folder.
/// Pages need a session: log in through <see cref="LoginUrl"/> (e.g. <see cref="CreateAuthenticatedClientAsync"/>).
/// </summary>
public sealed class InProcessServer : IAsyncDisposable
{
    private readonly Stack<IAsyncDisposable> _closeBeforeStop = new();

    private InProcessServer(WebApplication app, string dataDirectory)
    {
        App = app;
        DataDirectory = dataDirectory;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        BaseUrl = address.TrimEnd('/');
    }

    public WebApplication App { get; }
    public string DataDirectory { get; }
    public Uri BaseAddress { get; }

    /// <summary>The base address without its trailing slash, to append paths to.</summary>
    public string BaseUrl { get; }

    public string ConfPath => Path.Combine(DataDirectory, "etc", "qubes", "storage.conf");
    public string QubesXmlPath => Path.Combine(DataDirectory, "var", "lib", "qubes", "qubes.xml");
    public string StateDirectory => Path.Combine(DataDirectory, "state");

    /// <summary>This start's login token.</summary>
    public string Token => App.Services.GetRequiredService<LoginToken>().Value;

    /// <summary>The login URL the server printed (http://127.0.0.1:PORT/login?t=...).</summary>
    public string LoginUrl => App.Services.GetRequiredService<LoginToken>().LoginUrl!;

    /// <param name="settings">Configuration values (e.g. "Console:IdleTimeoutMinutes").</param>
    /// <param name="configure">Runs on the builder, e.g. to replace services such as <see cref="TimeProvider"/>.</param>
    /// <param name="development">The Development environment, which serves static web assets from the build output.</param>
    public static async Task<InProcessServer> StartAsync(Action<IDictionary<string, string?>>? settings = null,
        Action<WebApplicationBuilder>? configure = null, bool development = false)
    {
        var data = Directory.CreateTempSubdirectory("qpc-server-").FullName;
        var values = new Dictionary<string, string?>
        {
            ["Console:Mode"] = "Sandbox",
            ["Console:DataDirectory"] = data,
            ["Console:Port"] = "0",
        };
        settings?.Invoke(values);
        try
        {
            var app = ConsoleHost.Build(development ? ["--environment", "Development"] : [], b =>
            {
                b.Configuration.AddInMemoryCollection(values);
                configure?.Invoke(b);
            });
            await app.StartAsync();
            return new InProcessServer(app, data);
        }
        catch
        {
            Directory.Delete(data, recursive: true);
            throw;
        }
    }

    /// <summary>
    /// Disposes <paramref name="client"/> (e.g. a browser context) when this server is disposed, before it stops, so
    /// that nothing of the client is left talking to a stopped server.
    /// </summary>
    public T CloseBeforeStop<T>(T client) where T : IAsyncDisposable
    {
        _closeBeforeStop.Push(client);
        return client;
    }

    /// <summary>A client without a session that neither follows redirects nor keeps cookies.</summary>
    public HttpClient CreateClient() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        BaseAddress = BaseAddress,
    };

    /// <summary>A client logged in through the login URL (cookie kept); it follows redirects.</summary>
    public async Task<HttpClient> CreateAuthenticatedClientAsync()
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = true })
        {
            BaseAddress = BaseAddress,
        };
        using var response = await client.GetAsync(LoginUrl);
        if (cookies.GetCookies(BaseAddress)[SessionClaims.CookieName] is null)
        {
            client.Dispose();
            throw new InvalidOperationException($"Login failed: {(int)response.StatusCode}, no session cookie.");
        }
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        while (_closeBeforeStop.TryPop(out var client)) await client.DisposeAsync();
        await App.StopAsync();
        await App.DisposeAsync();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
