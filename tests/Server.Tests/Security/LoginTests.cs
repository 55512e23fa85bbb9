namespace QubesPoolConsole.Server.Tests.Security;

/// <summary>The accepted cases; Wrong and missing tokens and non-local return URLs are cases of <see cref="BadRequestCorpus"/>.</summary>
public class LoginTests(SharedServer shared) : IClassFixture<SharedServer>
{
    [Fact]
    public async Task Page_WithoutCookie_RedirectsToLogin_WhichAnswers401WithoutThePage()
    {
        var server = shared.Server;
        using var client = server.CreateClient();

        using var page = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Found, page.StatusCode);
        Assert.Equal("/login", page.Headers.Location!.AbsolutePath);

        using var login = await client.GetAsync(page.Headers.Location);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        var html = await login.Content.ReadAsStringAsync();
        Assert.Contains("Log in to Qubes Pool Console", html);
        Assert.DoesNotContain("Storage pools", html);
        Assert.DoesNotContain(server.Token, html);
    }

    [Fact]
    public async Task Login_WithPrintedUrl_SetsStrictHttpOnlyCookieAndRedirectsWithoutToken()
    {
        var server = shared.Server;
        using var client = server.CreateClient();

        using var response = await client.GetAsync(server.LoginUrl);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), v => v.StartsWith("qpc-session=", StringComparison.Ordinal));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        using var page = await client.GetWithCookieAsync("/", SecurityHttp.SessionCookie(response));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Storage pools", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Login_WithLocalReturnUrl_GoesThere()
    {
        var server = shared.Server;
        using var client = server.CreateClient();

        using var response = await client.GetAsync(server.LoginUrl + "&ReturnUrl=%2Fhistory%3Fx%3D1");

        Assert.Equal("/history?x=1", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task LoginForm_PostedWithAntiforgeryAndPastedUrl_LogsIn_WithoutAntiforgery_IsRefused()
    {
        var server = shared.Server;
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = server.BaseAddress,
        };
        var form = await (await client.GetAsync("/login")).Content.ReadAsStringAsync();
        var (name, value) = SecurityHttp.AntiforgeryField(form);

        using var withoutAntiforgery = await client.PostAsync("/login", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["t"] = server.LoginUrl, ["ReturnUrl"] = "/" }));
        Assert.Equal(HttpStatusCode.BadRequest, withoutAntiforgery.StatusCode);
        Assert.Null(SecurityHttp.SessionCookie(withoutAntiforgery));

        using var posted = await client.PostAsync("/login", new FormUrlEncodedContent(
            new Dictionary<string, string> { [name] = value, ["t"] = server.LoginUrl, ["ReturnUrl"] = "//evil.example" }));
        Assert.Equal(HttpStatusCode.Found, posted.StatusCode);
        Assert.Equal("/", posted.Headers.Location!.OriginalString);
        Assert.NotNull(SecurityHttp.SessionCookie(posted));
    }

    [Fact]
    public async Task EachStart_HasItsOwnToken_AndACookieFromAnotherStartIsRefused()
    {
        var first = shared.Server;
        await using var second = await InProcessServer.StartAsync();
        var cookieOfFirst = await first.LoginCookieAsync();
        using var client = second.CreateClient();

        using var response = await client.GetWithCookieAsync("/", cookieOfFirst);

        Assert.NotEqual(first.Token, second.Token);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/login", response.Headers.Location!.AbsolutePath);
    }
}
