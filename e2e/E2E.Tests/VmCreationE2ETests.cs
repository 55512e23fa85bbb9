namespace QubesPoolConsole.E2E.Tests;

public class VmCreationE2ETests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task TemplateBasedAppVm_InNonDefaultPool_FilesAppearPoolCountsItAndRemovalIsRefused()
    {
        var fastDir = Path.Combine(Server.DataDirectory, "fast"); // does not exist yet: Qubes (and the sandbox) create it with the first VM
        // Stage and apply a second pool by writing storage.conf directly, before the browser opens.
        await File.AppendAllTextAsync(Server.ConfPath, $"\n[fast]\ndriver=xen\ndir_path={fastDir}\n");
        var context = await NewContextAsync(Server, new() { ViewportSize = new() { Width = 1280, Height = 1000 } });
        var page = await OpenLoggedInAsync(Server, context, "/vms/new?pool=fast");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New VM", Level = 1 })).ToBeVisibleAsync();
        var next = page.GetByRole(AriaRole.Button, new() { Name = "Next" });

        await Expect(next).ToBeDisabledAsync();
        await page.GetByLabel("VM name").FillAsync("work");
        await Expect(page.GetByText("A VM named 'work' already exists")).ToBeVisibleAsync();
        await Expect(next).ToBeDisabledAsync();
        await page.GetByLabel("VM name").FillAsync("banking");
        await Expect(page.GetByText("This name is free.")).ToBeVisibleAsync();
        await next.ClickAsync();

        await page.GetByRole(AriaRole.Radio, new() { Name = "green" }).CheckAsync();
        await Expect(next).ToBeEnabledAsync();
        await page.SaveReadmeScreenshotAsync("vm-wizard-label.png");
        await next.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "AppVM (template-based)" })).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "fedora-23" }).CheckAsync();
        await next.ClickAsync();

        var fastRadio = page.GetByRole(AriaRole.Radio, new() { Name = "fast", Exact = true });
        await Expect(fastRadio).ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { Has = fastRadio })).ToContainTextAsync("free of");
        await Expect(next).ToBeEnabledAsync();
        await page.SaveReadmeScreenshotAsync("vm-wizard-pool.png");
        await next.ClickAsync();
        await next.ClickAsync();

        await Expect(page.GetByLabel("Command")).ToHaveTextAsync("qvm-create -P fast -l green -t fedora-23 banking");
        await Expect(page.GetByLabel("Directory")).ToHaveTextAsync(Path.Combine(fastDir, "appvms", "banking"));
        await page.SaveReadmeScreenshotAsync("vm-wizard.png");

        await page.GetByRole(AriaRole.Button, new() { Name = "Create VM" }).ClickAsync();

        await Expect(page.GetByText("Created AppVM (template-based) 'banking' in pool 'fast'")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Log)).ToContainTextAsync("--> Recording banking in qubes.xml");

        var vmDir = Path.Combine(fastDir, "appvms", "banking");
        Assert.Equal(2L << 30, new FileInfo(Path.Combine(vmDir, "private.img")).Length);
        Assert.Equal(23L << 29, new FileInfo(Path.Combine(vmDir, "volatile.img")).Length);
        Assert.False(File.Exists(Path.Combine(vmDir, "root.img")));

        await page.GetByRole(AriaRole.Link, new() { Name = "Go to pools" }).ClickAsync();
        var fastLink = page.GetByRole(AriaRole.Link, new() { Name = "fast", Exact = true });
        var fastRow = page.GetByRole(AriaRole.Row).Filter(new() { Has = fastLink });
        await Expect(fastRow.GetByRole(AriaRole.Cell).Nth(3)).ToHaveTextAsync("1");

        await fastLink.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "VMs in this pool" })).ToContainTextAsync("banking");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("is used by 1 VM(s): banking");
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Remove pool" })).ToBeDisabledAsync();
    }
}
