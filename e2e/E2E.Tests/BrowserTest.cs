using QubesPoolConsole.Server.Security;

namespace QubesPoolConsole.E2E.Tests;

/// <summary>
/// Base of the browser tests: starts the real console in-process for each test (<see cref="Server"/>) and opens
/// logged-in pages on it. Every context opened here is closed before its server stops, so no page is left running
/// against a stopped server.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserFixture fixture) : IAsyncLifetime
{
    private InProcessServer? _server;

    /// <summary>This test's console, on a fresh sandbox.</summary>
    protected InProcessServer Server => _server ?? throw new InvalidOperationException("This test class starts no server.");

    /// <summary>False for a test class that runs no in-process console.</summary>
    protected virtual bool StartsServer => true;

    /// <summary>Settings of this class's console (e.g. the R4 sandbox); null for the defaults.</summary>
    protected virtual Action<IDictionary<string, string?>>? ServerSettings => null;

    /// <summary>The one Chromium of the test assembly.</summary>
    protected IBrowser Browser => fixture.Browser;

    /// <summary>
    /// The console on a fresh sandbox, in the Development environment so that static web assets are served from
    /// the build output.
    /// </summary>
    protected static Task<InProcessServer> StartServerAsync(Action<IDictionary<string, string?>>? settings = null,
        Action<WebApplicationBuilder>? configure = null)
        => InProcessServer.StartAsync(settings, configure, development: true);

    /// <summary>A fresh browser context, closed when <paramref name="server"/> is disposed, before it stops.</summary>
    protected async Task<IBrowserContext> NewContextAsync(InProcessServer server, BrowserNewContextOptions? options = null)
        => server.CloseBeforeStop(await Browser.NewContextAsync(options));

    /// <summary>
    /// Logs the browser context in through the server's login URL: afterwards every page of the context has the
    /// session cookie. Uses the context's request API (shares the context's cookies), so no page is opened.
    /// </summary>
    protected static async Task LoginAsync(InProcessServer server, IBrowserContext context)
    {
        var response = await context.APIRequest.GetAsync(server.LoginUrl, new() { MaxRedirects = 0 });
        var cookies = await context.CookiesAsync([server.BaseUrl]);
        if (response.Status != 302 || cookies.All(c => c.Name != SessionClaims.CookieName))
        {
            throw new InvalidOperationException($"Login failed: {response.Status}, no session cookie.");
        }
    }

    /// <summary>A new page of <paramref name="context"/>, logged in and opened at <paramref name="path"/>, ready for clicks.</summary>
    protected static async Task<IPage> OpenLoggedInAsync(InProcessServer server, IBrowserContext context, string path = "/")
    {
        await LoginAsync(server, context);
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + path);
        await page.WaitForInteractiveAsync();
        return page;
    }

    /// <summary>A logged-in page at <paramref name="path"/> in a context of its own (1280×900 unless told).</summary>
    protected async Task<IPage> OpenLoggedInAsync(InProcessServer server, string path = "/", BrowserNewContextOptions? options = null)
    {
        var context = await NewContextAsync(server, options ?? new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        return await OpenLoggedInAsync(server, context, path);
    }

    public async Task InitializeAsync()
    {
        if (StartsServer) _server = await StartServerAsync(ServerSettings);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}
