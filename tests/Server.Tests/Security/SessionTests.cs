namespace QubesPoolConsole.Server.Tests.Security;

/// <summary>
/// Idle expiry and logout. Each test gets its own server (the clock and the session are the test's own), with a
/// 30-minute idle timeout on a manual clock, and a session cookie already logged in.
/// </summary>
public sealed class SessionTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new();
    private InProcessServer _server = null!;
    private HttpClient _client = null!;
    private string _cookie = "";

    public async Task InitializeAsync()
    {
        _server = await SecurityHttp.StartWithIdleTimeoutAsync(_clock);
        _cookie = await _server.LoginCookieAsync();
        _client = _server.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Session_IdleLongerThanTimeout_MustLogInAgain()
    {
        _clock.Advance(TimeSpan.FromMinutes(31));
        using var response = await _client.GetWithCookieAsync("/", _cookie);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/login", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Session_UsedWithinTimeout_StaysAlivePastTheTimeoutCountedFromLogin()
    {
        _clock.Advance(TimeSpan.FromMinutes(20));
        using var first = await _client.GetWithCookieAsync("/", _cookie);
        _clock.Advance(TimeSpan.FromMinutes(20));
        using var second = await _client.GetWithCookieAsync("/", _cookie);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task Logout_EndsTheSession_EvenForACopyOfTheCookie()
    {
        using var page = await _client.GetWithCookieAsync("/", _cookie);

        using var loggedOut = await _client.LogoutAsync(page, _cookie);
        using var after = await _client.GetWithCookieAsync("/", _cookie);

        Assert.Equal(HttpStatusCode.OK, loggedOut.StatusCode);
        Assert.Contains("You have logged out.", await loggedOut.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Found, after.StatusCode);
        Assert.Equal("/login", after.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Logout_WithoutAntiforgeryToken_IsRefusedAndTheSessionLives()
    {
        using var logout = new HttpRequestMessage(HttpMethod.Post, "/logout") { Content = new FormUrlEncodedContent([]) };
        logout.Headers.Add("Cookie", _cookie);
        using var refused = await _client.SendAsync(logout);
        using var after = await _client.GetWithCookieAsync("/", _cookie);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }
}
