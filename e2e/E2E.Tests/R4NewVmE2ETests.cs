using QubesPoolConsole.Core.Qubesd.Wire;
using QubesPoolConsole.Core.Vms;

namespace QubesPoolConsole.E2E.Tests;

/// <summary>
/// The New VM page on the R4 sandbox: pools per volume, the review of what Create sends, the create itself, and the
/// pool pages listing the new volumes. The file-reflink pool is added with setup_check=False, as Qubes allows on a
/// file system without reflinks (the test's /tmp is ext4): qubesd then copies instead of sharing extents.
/// </summary>
public class R4NewVmE2ETests(BrowserFixture browser) : R4BrowserTest(browser)
{
    [Fact]
    public async Task AppVmWithPrivateInReflinkPoolAndVolatileElsewhere_ReviewCreateAndPoolPagesAgree()
    {
        var reflinkDir = Path.Combine(SandboxDir, "reflink");
        Directory.CreateDirectory(reflinkDir);
        using (var client = new QubesdClient(new QubesdClientOptions { SocketPath = Socket }))
        {
            var added = await client.PoolAddAsync("file-reflink", "fastpool", [KeyValuePair.Create("dir_path", reflinkDir), KeyValuePair.Create("setup_check", "False")]);
            Assert.True(added.IsOk, added.ToString());
        }

        var page = await OpenLoggedInAsync(Server, "/vms/new");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New VM" })).ToBeVisibleAsync();
        await page.GetByLabel("Name").FillAsync("mail");
        await ChooseAsync(page, "Label", "blue");
        await page.GetByRole(AriaRole.Radio, new() { Name = "A pool per volume (--pool VOLUME=POOL)" }).CheckAsync();

        // An AppVM's root is not offered: it stays with its template, and the page says why.
        await Expect(page.GetByText("An AppVM's root is a snapshot of its template's root")).ToBeVisibleAsync();
        await ChooseAsync(page, "private", "fastpool");
        await ChooseAsync(page, "volatile", "varlibqubes");

        await Expect(page.GetByTestId("r4-vm-qvm-create")).ToHaveTextAsync("qvm-create --class AppVM --label blue --pool private=fastpool --pool volatile=varlibqubes mail");
        await Expect(page.GetByTestId("r4-vm-call")).ToHaveTextAsync("admin.vm.CreateInPool.AppVM+ → dom0");
        await Expect(page.GetByTestId("r4-vm-payload")).ToHaveTextAsync("name=mail label=blue pool:private=fastpool pool:volatile=varlibqubes");
        var volumes = page.GetByTestId("r4-vm-volumes");
        await Expect(volumes.GetByRole(AriaRole.Row).Filter(new() { HasText = "private" })).ToContainTextAsync("fastpool");
        await Expect(volumes.GetByRole(AriaRole.Row).Filter(new() { HasText = "private" })).ToContainTextAsync("2.0 GiB");
        await page.ScreenshotAsync(new() { Path = "/tmp/r4-newvm-review.png", FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Create VM" }).ClickAsync();
        await Expect(page.GetByTestId("r4-vm-outcome")).ToHaveTextAsync("VM mail was created.");
        await page.ScreenshotAsync(new() { Path = "/tmp/r4-newvm-created.png", FullPage = true });
        var image = Path.Combine(reflinkDir, "appvms", "mail", "private.img");
        Assert.Equal(2L << 30, new FileInfo(image).Length);
        Assert.True(SparseFiles.AllocatedBytes(image) < 1L << 20, "the private image is sparse");

        await page.GetByRole(AriaRole.Link, new() { Name = "Pool fastpool" }).ClickAsync();
        var row = page.GetByTestId("r4-volumes").GetByRole(AriaRole.Row).Filter(new() { HasText = "mail" });
        await Expect(row).ToContainTextAsync("private");
        await Expect(row).ToContainTextAsync("2.0 GiB");
        await page.GotoAsync(Server.BaseUrl + "/pools/varlibqubes");
        await Expect(page.GetByTestId("r4-volumes").GetByRole(AriaRole.Row).Filter(new() { HasText = "mail" })).ToContainTextAsync("volatile");
    }

    [Fact]
    public async Task ExistingNameAndKernelPool_AreShownInlineAndCreateStaysDisabled()
    {
        var page = await OpenLoggedInAsync(Server, "/vms/new");
        await page.GetByLabel("Name").FillAsync("work");
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "VM work already exists; choose another name." })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create VM" })).ToBeDisabledAsync();

        await page.GetByLabel("Name").FillAsync("mail");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create VM" })).ToBeEnabledAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "One pool for all volumes (-P)" }).CheckAsync();
        // linux-kernel pools hold only kernels, so they are not offered for the writable volumes.
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Pool for all volumes" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Option).Filter(new() { HasText = "varlibqubes" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Option).Filter(new() { HasText = "linux-kernel" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AVmOrPoolCreatedElsewhere_ReachesTheOpenWizard_WithoutAReload()
    {
        var page = await OpenLoggedInAsync(Server, "/vms/new");
        await page.GetByLabel("Name").FillAsync("news");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create VM" })).ToBeEnabledAsync();

        using (var client = new QubesdClient(new QubesdClientOptions { SocketPath = Socket }))
        {
            var made = await client.CallAsync("admin.vm.CreateInPool.AppVM", "", "dom0", "name=news label=green"u8.ToArray());
            Assert.True(made.IsOk, made.ToString());
            var added = await client.PoolAddAsync("file", "usb", [KeyValuePair.Create("dir_path", Path.Combine(SandboxDir, "usb"))]);
            Assert.True(added.IsOk, added.ToString());
        }

        // admin.Events: the name is now taken, and the new pool is offered.
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "VM news already exists; choose another name." }))
            .ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create VM" })).ToBeDisabledAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "One pool for all volumes (-P)" }).CheckAsync();
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Pool for all volumes" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Option).Filter(new() { HasText = "usb" })).ToBeVisibleAsync();
    }

    private static async Task ChooseAsync(IPage page, string field, string option)
    {
        await page.GetByRole(AriaRole.Combobox, new() { Name = field, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = option }).First.ClickAsync();
    }
}
