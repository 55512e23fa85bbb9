namespace QubesPoolConsole.E2E.Tests;

public static class PageExtensions
{
    /// <summary>Stages a new xen pool through the pools page's dialog (creating its directory first).</summary>
    public static async Task StagePoolAsync(this IPage page, string name, string dir)
    {
        Directory.CreateDirectory(dir);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add pool" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        // The dialog focuses its first field once it is interactive; a fill before that can be lost to its first render.
        await Expect(dialog.GetByLabel("Pool name")).ToBeFocusedAsync(new() { Timeout = 15_000 });
        await dialog.GetByLabel("Pool name").FillAsync(name);
        await dialog.GetByLabel("Directory (dir_path)").FillAsync(dir);
        await Expect(dialog.GetByLabel("Pool name")).ToHaveValueAsync(name);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create pool" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0, new() { Timeout = 15_000 });
    }

    /// <summary>
    /// Pages are prerendered: a click before the circuit connects is lost. Wait for the marker that only the
    /// interactive render sets. Connecting the circuit is the slowest step when the machine is busy (it took over
    /// Playwright's default 5 s on 2 cores at a load average of 35), so this one wait allows 30 s.
    /// </summary>
    public static async Task WaitForInteractiveAsync(this IPage page)
        => await Assertions.Expect(page.GetByTestId("interactive")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 30_000 });

    /// <summary>Saves one of the README's screenshots into docs/screenshots when QPC_SCREENSHOTS=1.</summary>
    public static async Task SaveReadmeScreenshotAsync(this IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("QPC_SCREENSHOTS") != "1") return;
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "WebConsole.sln"))) dir = dir.Parent;
        var target = Path.Combine(dir?.FullName ?? ".", "docs", "screenshots");
        Directory.CreateDirectory(target);
        await page.ScreenshotAsync(new() { Path = Path.Combine(target, name), FullPage = true });
    }
}
