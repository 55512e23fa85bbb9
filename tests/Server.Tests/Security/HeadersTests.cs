namespace QubesPoolConsole.Server.Tests.Security;

public class HeadersTests(SharedServer shared) : IClassFixture<SharedServer>
{
    public static TheoryData<string, bool> Requests => new()
    {
        { "/", true },                                   // page
        { "/_framework/blazor.web.js", false },          // static asset (no session needed)
        { "/_content/MudBlazor/MudBlazor.min.css", false },
        { "/login", false },                             // 401 login page
        { "/no-such-page", true },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path, bool withSession)
    {
        var server = shared.Server;
        var cookie = withSession ? await server.LoginCookieAsync() : null;
        using var client = server.CreateClient();

        using var response = await client.GetWithCookieAsync(path, cookie);

        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task StaticAsset_IsServedWithoutSession_PagesAreNot()
    {
        var server = shared.Server;
        using var client = server.CreateClient();

        using var asset = await client.GetAsync("/_framework/blazor.web.js");
        using var page = await client.GetAsync("/history");

        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal(HttpStatusCode.Found, page.StatusCode);
    }

    [Fact]
    public async Task RefusedHost_StillCarriesTheSecurityHeaders()
    {
        var server = shared.Server;
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "evil.example";

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        string Header(string name) => string.Join(",",
            response.Headers.TryGetValues(name, out var v) ? v : response.Content.Headers.TryGetValues(name, out var c) ? c : []);
        var csp = Header("Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("connect-src 'self'", csp);
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header("Referrer-Policy"));
        Assert.Equal("same-origin", Header("Cross-Origin-Resource-Policy"));
    }
}
