using Microsoft.Extensions.DependencyInjection;

namespace QubesPoolConsole.Server.Tests.Security;

public class SessionTests
{
    [Fact]
    public async Task Session_IdleLongerThanTimeout_MustLogInAgain()
    {
        var clock = new ManualTimeProvider();
        await using var server = await InProcessServer.StartAsync(
            s => s["Console:IdleTimeoutMinutes"] = "30", b => b.Services.AddSingleton<TimeProvider>(clock));
        var cookie = await server.LoginCookieAsync();
        using var client = server.CreateClient();

        clock.Advance(TimeSpan.FromMinutes(31));
        using var response = await client.GetWithCookieAsync("/", cookie);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/login", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Session_UsedWithinTimeout_StaysAlivePastTheTimeoutCountedFromLogin()
    {
        var clock = new ManualTimeProvider();
        await using var server = await InProcessServer.StartAsync(
            s => s["Console:IdleTimeoutMinutes"] = "30", b => b.Services.AddSingleton<TimeProvider>(clock));
        var cookie = await server.LoginCookieAsync();
        using var client = server.CreateClient();

        clock.Advance(TimeSpan.FromMinutes(20));
        using var first = await client.GetWithCookieAsync("/", cookie);
        clock.Advance(TimeSpan.FromMinutes(20));
        using var second = await client.GetWithCookieAsync("/", cookie);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task Logout_EndsTheSession_EvenForACopyOfTheCookie()
    {
        await using var server = await InProcessServer.StartAsync();
        var cookie = await server.LoginCookieAsync();
        using var client = server.CreateClient();
        using var page = await client.GetWithCookieAsync("/", cookie);
        var (name, value) = SecurityHttp.AntiforgeryField(await page.Content.ReadAsStringAsync());
        var antiforgeryCookie = page.Headers.GetValues("Set-Cookie").Select(v => v.Split(';')[0])
            .Single(v => v.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));

        using var logout = new HttpRequestMessage(HttpMethod.Post, "/logout")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { [name] = value }),
        };
        logout.Headers.Add("Cookie", $"{cookie}; {antiforgeryCookie}");
        using var loggedOut = await client.SendAsync(logout);
        using var after = await client.GetWithCookieAsync("/", cookie);

        Assert.Equal(HttpStatusCode.OK, loggedOut.StatusCode);
        Assert.Contains("You have logged out.", await loggedOut.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Found, after.StatusCode);
        Assert.Equal("/login", after.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Logout_WithoutAntiforgeryToken_IsRefusedAndTheSessionLives()
    {
        await using var server = await InProcessServer.StartAsync();
        var cookie = await server.LoginCookieAsync();
        using var client = server.CreateClient();

        using var logout = new HttpRequestMessage(HttpMethod.Post, "/logout") { Content = new FormUrlEncodedContent([]) };
        logout.Headers.Add("Cookie", cookie);
        using var refused = await client.SendAsync(logout);
        using var after = await client.GetWithCookieAsync("/", cookie);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }
}
