using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QubesPoolConsole.Server;
using QubesPoolConsole.Server.Security;

namespace QubesPoolConsole.Server.Tests;

/// <summary>
/// The real console on 127.0.0.1 with a free port and a fresh sandbox in a temp folder.
/// Pages need a session: use <see cref="CreateAuthenticatedClientAsync"/> (logs in through <see cref="LoginUrl"/>).
/// </summary>
public sealed class ServerUnderTest : IAsyncDisposable
{
    private ServerUnderTest(WebApplication app, string dataDirectory)
    {
        App = app;
        DataDirectory = dataDirectory;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
    }

    public WebApplication App { get; }
    public string DataDirectory { get; }
    public Uri BaseAddress { get; }
    public string ConfPath => Path.Combine(DataDirectory, "etc", "qubes", "storage.conf");
    public string StateDirectory => Path.Combine(DataDirectory, "state");

    /// <summary>This start's login token.</summary>
    public string Token => App.Services.GetRequiredService<LoginToken>().Value;

    /// <summary>The login URL the server printed (http://127.0.0.1:PORT/login?t=...).</summary>
    public string LoginUrl => App.Services.GetRequiredService<LoginToken>().LoginUrl!;

    /// <param name="settings">Configuration values (e.g. "Console:IdleTimeoutMinutes").</param>
    /// <param name="configure">Runs on the builder, e.g. to replace services such as <see cref="TimeProvider"/>.</param>
    public static async Task<ServerUnderTest> StartAsync(Action<IDictionary<string, string?>>? settings = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var data = Directory.CreateTempSubdirectory("qpc-server-").FullName;
        var values = new Dictionary<string, string?>
        {
            ["Console:Mode"] = "Sandbox",
            ["Console:DataDirectory"] = data,
            ["Console:Port"] = "0",
        };
        settings?.Invoke(values);
        var app = ConsoleHost.Build([], b =>
        {
            b.Configuration.AddInMemoryCollection(values);
            configure?.Invoke(b);
        });
        await app.StartAsync();
        return new ServerUnderTest(app, data);
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
        await App.StopAsync();
        await App.DisposeAsync();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
