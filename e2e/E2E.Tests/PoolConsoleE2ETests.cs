namespace QubesPoolConsole.E2E.Tests;

/// <summary>The pool console's dialogs in a real browser: edits are staged in the draft, never written directly.</summary>
public class PoolConsoleE2ETests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task CreatePool_ThroughTheDialog_AppearsAsPendingAndTheFileIsUnchanged()
    {
        var before = await File.ReadAllBytesAsync(Server.ConfPath);
        var page = await OpenLoggedInAsync(Server, "/", Viewport);

        await page.GetByRole(AriaRole.Button, new() { Name = "Add pool" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Pool name").FillAsync("fast");
        await dialog.GetByLabel("Directory (dir_path)").FillAsync(Path.Combine(Server.DataDirectory, "pools", "fast"));
        await Expect(dialog).ToContainTextAsync("does not exist");
        await page.SaveReadmeScreenshotAsync("pool-create-dialog.png");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create pool" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Expect(page.GetByText("Staged: Add pool fast (xen)")).ToBeVisibleAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "fast" });
        await Expect(row).ToContainTextAsync("pending: new");
        await Expect(row).ToContainTextAsync("unknown");
        Assert.Equal(before, await File.ReadAllBytesAsync(Server.ConfPath));
        await page.SaveReadmeScreenshotAsync("pools.png");
    }

    [Fact]
    public async Task EditDirPath_OfAPoolWithAVm_WarnsThatNoFilesMoveAndStagesAfterConfirming()
    {
        var oldDir = AddPoolWithVm(Server, "fast", "work-fast");
        var page = await OpenLoggedInAsync(Server, "/pools/fast", Viewport);
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "VMs in this pool" })).ToContainTextAsync("work-fast");
        await page.SaveReadmeScreenshotAsync("pool-details.png");

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        var newDir = Path.Combine(Server.DataDirectory, "pools", "moved");
        await dialog.GetByLabel("Directory (dir_path)").FillAsync(newDir);
        await Expect(dialog).ToContainTextAsync("no files are moved");
        var save = dialog.GetByRole(AriaRole.Button, new() { Name = "Save changes" });
        await Expect(save).ToBeDisabledAsync();
        await page.SaveReadmeScreenshotAsync("pool-edit-dialog.png");
        await dialog.GetByLabel("I understand: no files are moved").CheckAsync();
        await save.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pool fast" })).ToContainTextAsync("pending: changed");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Settings" })).ToContainTextAsync(newDir);
        Assert.Contains("dir_path=" + oldDir, await File.ReadAllTextAsync(Server.ConfPath));
    }

    [Fact]
    public async Task RemovePool_WhileAVmUsesIt_IsRefusedAndNamesTheVm()
    {
        AddPoolWithVm(Server, "fast", "work-fast");
        var page = await OpenLoggedInAsync(Server, "/pools/fast", Viewport);

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("is used by 1 VM(s): work-fast");
        await Expect(dialog.GetByRole(AriaRole.Table)).ToContainTextAsync("work-fast");
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Remove pool" })).ToBeDisabledAsync();
    }

    private static BrowserNewContextOptions Viewport => new() { ViewportSize = new() { Width = 1280, Height = 800 } };

    /// <summary>Adds a xen pool to the sandbox's storage.conf and a VM in it to qubes.xml; returns the pool's directory.</summary>
    private static string AddPoolWithVm(InProcessServer server, string pool, string vm)
    {
        var dir = Path.Combine(server.DataDirectory, "pools", pool);
        Directory.CreateDirectory(dir);
        File.AppendAllText(server.ConfPath, $"\n[{pool}]\ndriver=xen\ndir_path={dir}\n");
        var xml = File.ReadAllText(server.QubesXmlPath).Replace("</QubesVmCollection>",
            $"  <QubesAppVm name=\"{vm}\" qid=\"42\" label=\"purple\" pool_name=\"{pool}\" template_qid=\"1\" internal=\"False\"/>\n</QubesVmCollection>");
        File.WriteAllText(server.QubesXmlPath, xml);
        return dir;
    }
}
