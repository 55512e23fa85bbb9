using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace QubesPoolConsole.E2E.Tests;

[Collection(BrowserCollection.Name)]
public class PoolsPageE2ETests(BrowserFixture browser)
{
    [Fact]
    public async Task OpenConsole_SeesTheSandboxPools()
    {
        await using var server = await ConsoleServer.StartAsync();
        await using var context = await browser.Browser.NewContextAsync();
        await server.LoginAsync(context);
        var page = await context.NewPageAsync();

        await page.GotoAsync(server.BaseUrl + "/");
        await page.WaitForInteractiveAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Storage pools" })).ToBeVisibleAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "default" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("xen");
    }
}
