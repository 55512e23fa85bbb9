namespace QubesPoolConsole.E2E.Tests;

/// <summary>The qubesd pools page's Add pool dialog, as a user fills it, for the tests of both qubesds.</summary>
public static class R4PoolDialog
{
    /// <summary>Opens the dialog, fills a pool's name, driver and dir_path, and stages it (the dialog closes).</summary>
    public static async Task StageFilePoolAsync(IPage page, string name, string dirPath, string? screenshot = null, string driver = "file")
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Add pool" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Pool name").FillAsync(name);
        await dialog.GetByRole(AriaRole.Combobox, new() { Name = "Driver" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = driver, Exact = true }).ClickAsync();
        await dialog.GetByLabel("dir_path").FillAsync(dirPath);
        if (screenshot is not null) await page.ScreenshotAsync(new() { Path = screenshot });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add pool" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
    }
}
