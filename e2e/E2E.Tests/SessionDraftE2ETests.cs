namespace QubesPoolConsole.E2E.Tests;

/// <summary>Pending changes belong to the login session: a reload and a second tab show them, live.</summary>
public class SessionDraftE2ETests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task StagedChange_SurvivesAReload_ShowsInASecondTab_AndApplyInOneLeavesNonePendingInTheOther()
    {
        var server = Server;
        var context = await NewContextAsync(server, new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var first = await OpenLoggedInAsync(server, context);
        var dir = Path.Combine(server.DataDirectory, "pools", "fast");
        await first.StagePoolAsync("fast", dir);
        await Expect(first.GetByRole(AriaRole.Link, new() { Name = "Review changes (1 pending)" })).ToBeVisibleAsync();

        // A reload is a new circuit of the same session: the change is still pending and counted.
        await first.ReloadAsync();
        await first.WaitForInteractiveAsync();
        await Expect(first.GetByRole(AriaRole.Link, new() { Name = "Review changes (1 pending)" })).ToBeVisibleAsync();
        await Expect(first.GetByRole(AriaRole.Row).Filter(new() { HasText = "fast" })).ToHaveCountAsync(1);

        // A second tab of the session shows the same change.
        var second = await context.NewPageAsync();
        await second.GotoAsync(server.BaseUrl + "/review");
        await second.WaitForInteractiveAsync();
        await Expect(second.GetByRole(AriaRole.Heading, new() { Name = "Pending changes (1)" })).ToBeVisibleAsync();
        await Expect(second.GetByRole(AriaRole.List, new() { Name = "Pending changes" })).ToContainTextAsync("Add pool fast (xen)");

        // Apply in the second tab: the first one, left open, shows none pending without being touched.
        await first.GotoAsync(server.BaseUrl + "/review");
        await first.WaitForInteractiveAsync();
        await Expect(first.GetByRole(AriaRole.Heading, new() { Name = "Pending changes (1)" })).ToBeVisibleAsync();
        await second.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(second.GetByTestId("review-notice")).ToContainTextAsync("Applied.");

        await Expect(first.GetByRole(AriaRole.Heading, new() { Name = "No pending changes" })).ToBeVisibleAsync();
        await Expect(first.GetByRole(AriaRole.Link, new() { Name = "Review changes (none pending)" })).ToBeVisibleAsync();
        Assert.Contains($"[fast]\ndriver=xen\ndir_path={dir}\n", await File.ReadAllTextAsync(server.ConfPath));
    }

    [Fact]
    public async Task KeyboardOnly_TabToAddPool_Enter_TypeNameTabDirectoryEnter_StagesThePool_AndTheNoticeGoesAway()
    {
        var server = Server;
        var page = await OpenLoggedInAsync(server);
        var dir = Path.Combine(server.DataDirectory, "pools", "fast");
        Directory.CreateDirectory(dir);
        var addPool = page.GetByRole(AriaRole.Button, new() { Name = "Add pool" });

        // The router focuses the page's heading (for screen readers) without drawing a focus ring round it.
        var heading = page.GetByRole(AriaRole.Heading, new() { Name = "Storage pools", Level = 1 });
        await Expect(heading).ToBeFocusedAsync();
        Assert.Equal("none", await heading.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));
        var tabs = 0;
        while (!await addPool.EvaluateAsync<bool>("b => b === document.activeElement"))
        {
            Assert.True(++tabs <= 40, "Tab never reached \"Add pool\".");
            await page.Keyboard.PressAsync("Tab");
        }
        await Shot(page, "keyboard-add-pool-focused");
        Assert.NotEqual("none", await addPool.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));
        await page.Keyboard.PressAsync("Enter");

        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByLabel("Pool name")).ToBeFocusedAsync();
        await Shot(page, "keyboard-dialog-open");
        await page.Keyboard.TypeAsync("fast");
        await page.Keyboard.PressAsync("Tab");
        await Expect(dialog.GetByLabel("Directory (dir_path)")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(dir);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Review changes (1 pending)" })).ToBeVisibleAsync();
        var notice = page.GetByText("Staged: Add pool fast (xen)");
        await Expect(notice).ToBeVisibleAsync();
        await Shot(page, "keyboard-staged-notice");
        await Expect(notice).ToBeHiddenAsync(new() { Timeout = 10_000 });
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Review changes (1 pending)" })).ToBeVisibleAsync();
    }

    /// <summary>A screenshot for a person to look at, when QPC_E2E_SHOTS names a folder.</summary>
    private static async Task Shot(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("QPC_E2E_SHOTS") is { Length: > 0 } dir)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(dir, name + ".png") });
        }
    }
}
