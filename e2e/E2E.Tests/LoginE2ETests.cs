using Microsoft.Extensions.DependencyInjection;

namespace QubesPoolConsole.E2E.Tests;

public class LoginE2ETests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task OpenPrintedLoginUrl_ReachesInteractivePoolsPage_WithoutCspViolations_AndAnotherContextCannot()
    {
        var context = await NewContextAsync(Server);
        var page = await context.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            // The app has no favicon (Chromium's automatic request gets 404): not a failure of the page.
            if (message.Type == "error" && !message.Location.Contains("/favicon.ico", StringComparison.Ordinal))
            {
                consoleErrors.Add(message.Text + " at " + message.Location);
            }
        };

        await page.GotoAsync(Server.LoginUrl);
        await page.WaitForInteractiveAsync();

        await Expect(page).ToHaveURLAsync(Server.BaseUrl + "/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Storage pools" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "default" })).ToHaveCountAsync(1);
        Assert.DoesNotContain(consoleErrors, e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        Assert.True(consoleErrors.Count == 0, string.Join("\n", consoleErrors));

        var stranger = await NewContextAsync(Server);
        var strangerPage = await stranger.NewPageAsync();
        var response = await strangerPage.GotoAsync(Server.BaseUrl + "/");

        Assert.Equal(401, response!.Status);
        await Expect(strangerPage.GetByRole(AriaRole.Heading, new() { Name = "Log in to Qubes Pool Console" })).ToBeVisibleAsync();
        await Expect(strangerPage.GetByRole(AriaRole.Heading, new() { Name = "Storage pools" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task PoolsPage_OpensItsCircuitWebSocketAtOnce_WithoutANegotiateRequest()
    {
        var context = await NewContextAsync(Server);
        var hubRequests = new List<string>();
        var sockets = new List<string>();
        context.Request += (_, request) =>
        {
            if (request.Url.Contains("/_blazor", StringComparison.Ordinal)) lock (hubRequests) hubRequests.Add(request.Method + " " + request.Url);
        };
        var page = await context.NewPageAsync();
        page.WebSocket += (_, socket) => { lock (sockets) sockets.Add(socket.Url); };

        await page.GotoAsync(Server.LoginUrl);
        await page.WaitForInteractiveAsync();
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();

        lock (hubRequests) Assert.DoesNotContain(hubRequests, r => r.Contains("/_blazor/negotiate", StringComparison.Ordinal));
        lock (sockets)
        {
            Assert.Equal(2, sockets.Count); // one circuit per page load, each on a WebSocket to the hub
            Assert.All(sockets, url => Assert.StartsWith(Server.BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal) + "/_blazor", url));
        }
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "default" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task LogOut_EndsTheSession_AndPagesAskForLoginAgain()
    {
        var context = await NewContextAsync(Server);
        var page = await OpenLoggedInAsync(Server, context);

        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();

        await Expect(page.GetByText("You have logged out.")).ToBeVisibleAsync();
        var response = await page.GotoAsync(Server.BaseUrl + "/");
        Assert.Equal(401, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Log in to Qubes Pool Console" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task LogOut_WhileThePageStillSendsEventsOverItsCircuit_TheLoggedOutPageIsShownNotCancelledByAReload()
    {
        // given a logged-in page whose logout response is held back once the server has ended the session
        var logout = new HeldResponse("POST", "/logout");
        await using var server = await StartServerAsync(configure: b => b.Services.AddSingleton<IStartupFilter>(logout));
        var context = await NewContextAsync(server);
        var page = await OpenLoggedInAsync(server, context);
        var toggle = (await page.GetByRole(AriaRole.Button, new() { Name = "Dark theme" }).BoundingBoxAsync())!;
        try
        {
            // (by keyboard: a raw key press does not wait for the navigation it starts, which is held back)
            await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await logout.Handled.WaitAsync(TimeSpan.FromSeconds(15));

            // when the page, still shown while the logout is under way, sends an event over its circuit
            // (raw mouse input: the page's scripts cannot be reached by Playwright while it is navigating)
            await page.Mouse.ClickAsync(toggle.X + toggle.Width / 2, toggle.Y + toggle.Height / 2);
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        finally
        {
            logout.Release();
        }

        // then the logout's own page arrives: the server did not reload the leaving page onto the login form
        await Expect(page.GetByText("You have logged out.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task LogOutInOneTab_TheOtherOpenTab_IsSentToLoginOnItsNextAction()
    {
        var context = await NewContextAsync(Server);
        var first = await OpenLoggedInAsync(Server, context);
        var second = await context.NewPageAsync();
        await second.GotoAsync(Server.BaseUrl + "/");
        await second.WaitForInteractiveAsync();

        await second.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Expect(second.GetByText("You have logged out.")).ToBeVisibleAsync();
        await first.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();

        await Expect(first.GetByRole(AriaRole.Heading, new() { Name = "Log in to Qubes Pool Console" })).ToBeVisibleAsync();
        await Expect(first.GetByRole(AriaRole.Heading, new() { Name = "Audit log" })).ToHaveCountAsync(0);
        await Expect(first.GetByRole(AriaRole.Status)).ToContainTextAsync("Your pending changes ended with your session");
    }
}
