using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using QubesPoolConsole.Server;
using QubesPoolConsole.Server.Security;

namespace QubesPoolConsole.E2E.Tests;

/// <summary>
/// The real console, in-process on 127.0.0.1 with a free port, on its own fresh sandbox in a temp folder.
/// Development environment, so that static web assets are served from the build output.
/// Every page needs a session: call <see cref="LoginAsync"/> on a fresh browser context before opening pages.
/// </summary>
public sealed class ConsoleServer : IAsyncDisposable
{
    private ConsoleServer(WebApplication app, string data)
    {
        App = app;
        DataDirectory = data;
        BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public WebApplication App { get; }
    public string DataDirectory { get; }
    public string BaseUrl { get; }
    public string ConfPath => Path.Combine(DataDirectory, "etc", "qubes", "storage.conf");
    public string QubesXmlPath => Path.Combine(DataDirectory, "var", "lib", "qubes", "qubes.xml");

    /// <summary>The login URL the server printed at start (http://127.0.0.1:PORT/login?t=TOKEN).</summary>
    public string LoginUrl => App.Services.GetRequiredService<LoginToken>().LoginUrl!;

    /// <summary>
    /// Logs the browser context in through <see cref="LoginUrl"/>: afterwards every page of the context has the
    /// session cookie. Uses the context's request API (shares the context's cookies), so no page is opened.
    /// </summary>
    public async Task LoginAsync(IBrowserContext context)
    {
        var response = await context.APIRequest.GetAsync(LoginUrl, new() { MaxRedirects = 0 });
        var cookies = await context.CookiesAsync([BaseUrl]);
        if (response.Status != 302 || cookies.All(c => c.Name != SessionClaims.CookieName))
        {
            throw new InvalidOperationException($"Login failed: {response.Status}, no session cookie.");
        }
    }

    /// <summary>A new page of <paramref name="context"/>, logged in and opened at <paramref name="path"/>, ready for clicks.</summary>
    public async Task<IPage> OpenLoggedInAsync(IBrowserContext context, string path = "/")
    {
        await LoginAsync(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + path);
        await page.WaitForInteractiveAsync();
        return page;
    }

    public static async Task<ConsoleServer> StartAsync(Action<IDictionary<string, string?>>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var data = Directory.CreateTempSubdirectory("qpc-e2e-").FullName;
        var values = new Dictionary<string, string?>
        {
            ["Console:Mode"] = "Sandbox",
            ["Console:DataDirectory"] = data,
            ["Console:Port"] = "0",
        };
        settings?.Invoke(values);
        var app = ConsoleHost.Build(["--environment", "Development"], b =>
        {
            b.Configuration.AddInMemoryCollection(values);
            services?.Invoke(b.Services);
        });
        await app.StartAsync();
        return new ConsoleServer(app, data);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
