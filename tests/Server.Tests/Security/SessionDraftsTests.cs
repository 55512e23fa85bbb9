using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using QubesPoolConsole.Core.Drafts;
using QubesPoolConsole.Core.Pools;
using QubesPoolConsole.Server.Security;

namespace QubesPoolConsole.Server.Tests.Security;

/// <summary>Pending changes belong to the login session: how the host hands drafts to pages and ends them.</summary>
public class SessionDraftsTests
{
    [Fact]
    public async Task TwoCircuitsOfOneSession_GetOneDraft_AnotherSessionItsOwn_AndClosingACircuitKeepsIt()
    {
        await using var server = await InProcessServer.StartAsync();
        var sessions = server.App.Services.GetRequiredService<SessionRegistry>();
        var mine = sessions.Start();
        var other = sessions.Start();

        PoolDraft first, second, stranger;
        using (var tab = CircuitScope(server, mine)) first = tab.ServiceProvider.GetRequiredService<PoolDraft>();
        // The first tab's scope is gone (tab closed, page reloaded): the second one still finds the draft.
        using (var tab = CircuitScope(server, mine)) second = tab.ServiceProvider.GetRequiredService<PoolDraft>();
        using (var tab = CircuitScope(server, other)) stranger = tab.ServiceProvider.GetRequiredService<PoolDraft>();

        Assert.Same(first, second);
        Assert.NotSame(first, stranger);
    }

    [Fact]
    public async Task SessionEnded_ItsDraftEnds_TheSessionsNextPageWouldStartAfresh()
    {
        await using var server = await InProcessServer.StartAsync();
        var sessions = server.App.Services.GetRequiredService<SessionRegistry>();
        var drafts = server.App.Services.GetRequiredService<SessionDrafts>();
        var session = sessions.Start();
        drafts.For(session).Add(AddPool.Xen("fast", Path.Combine(server.DataDirectory, "fast")));

        sessions.End(session);

        Assert.Equal(0, drafts.PendingCount(session));
        Assert.Equal(0, drafts.Count);
    }

    [Fact]
    public async Task IdleExpiry_EndsTheDraft_AndTheLoginPageSaysSo()
    {
        var clock = new ManualTimeProvider();
        await using var server = await SecurityHttp.StartWithIdleTimeoutAsync(clock);
        var cookie = await server.LoginCookieAsync();
        using var client = server.CreateClient();
        using var page = await client.GetWithCookieAsync("/", cookie);
        var drafts = server.App.Services.GetRequiredService<SessionDrafts>();
        Assert.Equal(1, drafts.Count);

        clock.Advance(TimeSpan.FromMinutes(31));
        using var expired = await client.GetWithCookieAsync("/", cookie);
        using var login = await client.GetAsync(expired.Headers.Location);

        Assert.Equal(HttpStatusCode.Found, expired.StatusCode);
        Assert.Equal(0, drafts.Count);
        Assert.Contains("Your pending changes ended with your session", WebUtility.HtmlDecode(await login.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Logout_WithPendingChanges_SaysTheyEndedWithTheSession()
    {
        await using var server = await InProcessServer.StartAsync();
        var cookie = await server.LoginCookieAsync();
        using var client = server.CreateClient();
        using var page = await client.GetWithCookieAsync("/", cookie);
        var drafts = server.App.Services.GetRequiredService<SessionDrafts>();
        // The page the test fetched made the only draft there is.
        var session = Assert.Single(drafts.Sessions);
        drafts.For(session).Add(AddPool.Xen("fast", Path.Combine(server.DataDirectory, "fast")));
        var before = await File.ReadAllTextAsync(server.ConfPath);

        using var loggedOut = await client.LogoutAsync(page, cookie);

        var text = WebUtility.HtmlDecode(await loggedOut.Content.ReadAsStringAsync());
        Assert.Contains("You have logged out. Your pending changes ended with your session (1 not applied; storage.conf was not touched).", text);
        Assert.Equal(0, drafts.Count);
        Assert.Equal(before, await File.ReadAllTextAsync(server.ConfPath));
    }

    /// <summary>A scope set up as the framework sets up a circuit's: the session's principal as its authentication state.</summary>
    private static IServiceScope CircuitScope(InProcessServer server, string session)
    {
        var scope = server.App.Services.CreateScope();
        var auth = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(SessionClaims.Session, session)], "test"));
        auth.SetAuthenticationState(Task.FromResult(new AuthenticationState(user)));
        return scope;
    }
}
