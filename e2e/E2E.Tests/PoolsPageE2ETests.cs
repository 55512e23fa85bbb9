namespace QubesPoolConsole.E2E.Tests;

public class PoolsPageE2ETests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task OpenConsole_SeesTheSandboxPools()
    {
        var context = await NewContextAsync(Server);
        await LoginAsync(Server, context);
        var page = await context.NewPageAsync();

        await page.GotoAsync(Server.BaseUrl + "/");
        await page.WaitForInteractiveAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Storage pools" })).ToBeVisibleAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "default" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("xen");
    }

    [Fact]
    public async Task ThousandPools_PagedGrid_FilterFindsAPoolFarDown_SortCoversAllPools_KeyboardPages_LinksOpenThePool()
    {
        await File.WriteAllTextAsync(Server.ConfPath, "[default]\ndriver=xen\n"
            + string.Concat(Enumerable.Range(1, 1000).Select(i => $"\n[pool-{i:D4}]\ndriver=xen\ndir_path=/srv/pools/pool-{i:D4}\n")));
        var context = await NewContextAsync(Server, new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await OpenLoggedInAsync(Server, context, "/");
        var poolRows = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link) });

        // One page of rows (default, pool-0001 … pool-0024), and the pager says how many pools there are.
        await Expect(poolRows).ToHaveCountAsync(25);
        await Expect(page.GetByText("1-25 of 1,001")).ToBeVisibleAsync();
        await page.SaveReadmeScreenshotAsync("pools-1000.png");
        var axe = await page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Impact} {v.Id}: {v.Help}"));

        // Sorting by name, descending, brings the last pool of the file to the top of the first page.
        var sortByName = page.GetByRole(AriaRole.Columnheader).Filter(new() { HasText = "Name" }).GetByRole(AriaRole.Button, new() { Name = "Sort" });
        await sortByName.ClickAsync();
        await sortByName.ClickAsync();
        await Expect(poolRows.First).ToContainTextAsync("pool-1000");

        // The keyboard reaches the pager and turns the page, in the sorted order.
        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(poolRows.First).ToContainTextAsync("pool-0975");
        await Expect(page.GetByText("26-50 of 1,001")).ToBeVisibleAsync();

        // The filter finds a pool from the other end of the list, whatever page was shown.
        await page.GetByLabel("Filter pools").FillAsync("pool-0013");
        await Expect(poolRows).ToHaveCountAsync(1);
        await Expect(page.GetByText("1-1 of 1", new() { Exact = true })).ToBeVisibleAsync();

        // Its name is a real link to the pool's page.
        await page.GetByRole(AriaRole.Link, new() { Name = "pool-0013", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Server.BaseUrl + "/pools/pool-0013");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pool pool-0013" })).ToBeVisibleAsync();
    }
}
