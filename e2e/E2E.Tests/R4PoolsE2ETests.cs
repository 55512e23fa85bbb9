using QubesPoolConsole.Core.Qubesd.Wire;

namespace QubesPoolConsole.E2E.Tests;

/// <summary>The qubesd (R4) pages in the browser on the console's R4 sandbox: pools, options, defaults, live updates.</summary>
public class R4PoolsE2ETests(BrowserFixture browser) : R4BrowserTest(browser)
{
    [Fact]
    public async Task AddFilePool_ReviewShowsCommandCallAndDiff_ApplyListsItWithUsage()
    {
        var page = await OpenPoolsAsync();
        var dir = Path.Combine(SandboxDir, "fast");
        await Expect(page.GetByTestId("backend")).ToHaveTextAsync("qubesd sandbox (R4.3)");

        await R4PoolDialog.StageFilePoolAsync(page, "fast", dir, screenshot: "/tmp/r4-add.png");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Review changes (1 pending)" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Review and apply" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Server.BaseUrl + "/review");
        await Expect(page.GetByTestId("r4-command")).ToHaveTextAsync($"qvm-pool add fast file -o dir_path={dir}");
        await Expect(page.GetByTestId("r4-call")).ToContainTextAsync("admin.pool.Add+file");
        await Expect(page.GetByTestId("r4-payload")).ToContainTextAsync($"dir_path={dir}");
        await Expect(page.GetByTestId("r4-diff")).ToContainTextAsync("name=\"fast\"");
        await page.ScreenshotAsync(new() { Path = "/tmp/r4-review.png", FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.GetByTestId("r4-outcome")).ToContainTextAsync("Applied.");
        Assert.True(Directory.Exists(dir), "qubesd (the stand-in) created the pool's directory");
        await page.ScreenshotAsync(new() { Path = "/tmp/r4-applied.png", FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the pools" }).ClickAsync();
        var row = Row(page, "fast");
        await Expect(row).ToContainTextAsync(dir);
        await Expect(row).ToContainTextAsync(new Regex(@"data \d+(\.\d)? %"));
        await page.ScreenshotAsync(new() { Path = "/tmp/r4-pools.png", FullPage = true });

        // The apply is journalled where storage.conf applies are.
        await page.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = $"qvm-pool add fast file -o dir_path={dir}" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = $"qubesd ({Socket})" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SetRevisionsAndDefaultPool_AreAppliedInOneBatch()
    {
        var page = await OpenPoolsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Set an option of varlibqubes" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("revisions_to_keep").FillAsync("0");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Stage" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Set default_pool", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "vm-pool" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Review changes (2 pending)" })).ToBeVisibleAsync();

        await page.GotoAsync(Server.BaseUrl + "/review");
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("r4-command")).ToHaveTextAsync(["qvm-pool set varlibqubes -o revisions_to_keep=0", "qubes-prefs default_pool vm-pool"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.GetByTestId("r4-outcome")).ToContainTextAsync("Applied.");

        using var client = new QubesdClient(new QubesdClientOptions { SocketPath = Socket });
        Assert.Equal("vm-pool", (await client.PropertyGetAsync("default_pool")).Value!.Value);
        Assert.Equal("0", (await client.PoolInfoAsync("varlibqubes")).Value!["revisions_to_keep"]);
    }

    [Fact]
    public async Task RemoveOfVarlibqubes_IsRefusedNamingVault_NothingStaged()
    {
        var page = await OpenPoolsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove varlibqubes" }).ClickAsync();
        var refused = page.GetByTestId("r4-remove-refused");
        await Expect(refused).ToContainTextAsync("vault");
        await Expect(page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = true })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Keep the pool" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Review changes (none pending)" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task PoolWhoseDirectoryVanished_ShowsItInItsRow_PageKeepsWorking()
    {
        var gone = Path.Combine(SandboxDir, "usb");
        using (var client = new QubesdClient(new QubesdClientOptions { SocketPath = Socket }))
        {
            var added = await client.PoolAddAsync("file", "usb", [KeyValuePair.Create("dir_path", gone)]);
            Assert.True(added.IsOk, added.ToString());
        }
        Directory.Delete(gone, recursive: true);

        var page = await OpenPoolsAsync();
        var row = Row(page, "usb");
        await Expect(row).ToContainTextAsync("no space reported");
        await page.ScreenshotAsync(new() { Path = "/tmp/r4-vanished.png", FullPage = true });

        // The rest works: another pool's usage is shown, and the filter still narrows the table.
        await Expect(Row(page, "varlibqubes")).ToContainTextAsync(new Regex(@"data \d+(\.\d)? %"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add pool" })).ToBeEnabledAsync();
        await page.GetByLabel("Filter pools").FillAsync("usb");
        await Expect(Row(page, "varlibqubes")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task FileReflinkPool_OnAFileSystemWithoutReflinks_ApplyReportsQubesdsRefusal_NothingListed()
    {
        // The data folder is on ext4 here, so qubesd's real FICLONE probe fails, as it would on such a dom0 disk.
        var page = await OpenPoolsAsync();
        var dir = Path.Combine(SandboxDir, "cow");

        await R4PoolDialog.StageFilePoolAsync(page, "cow", dir, driver: "file-reflink");
        await page.GetByRole(AriaRole.Link, new() { Name = "Review changes (1 pending)" }).ClickAsync();
        await Expect(page.GetByTestId("r4-command")).ToHaveTextAsync($"qvm-pool add cow file-reflink -o dir_path={dir}");
        await Expect(page.GetByText("reflink", new() { Exact = false }).First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();

        await Expect(page.GetByTestId("r4-outcome")).ToContainTextAsync("does not support reflinks");
        await page.ScreenshotAsync(new() { Path = "/tmp/r4-reflink-refused.png", FullPage = true });
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the pools" }).ClickAsync();
        await Expect(Row(page, "varlibqubes")).ToBeVisibleAsync();
        await Expect(Row(page, "cow")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task PoolLink_OpensItsVolumes_SortableAndFilterable()
    {
        var page = await OpenPoolsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Volumes of varlibqubes" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Server.BaseUrl + "/pools/varlibqubes");
        var table = page.GetByTestId("r4-volumes");
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "vault" })).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("r4-volume-totals")).ToContainTextAsync("12.0 GiB in size");
        await page.ScreenshotAsync(new() { Path = "/tmp/r4-pool-volumes.png", FullPage = true });
        await page.GetByLabel("Filter volumes").FillAsync("volatile");
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task StorageConfOnlyPage_OverQubesd_SaysTheBackendHasNoSuchPage()
    {
        var page = await OpenLoggedInAsync(Server, "/raw");

        await Expect(page.GetByTestId("not-on-backend")).ToContainTextAsync("the qubesd (Qubes R4) backend, which has no such page");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Earlier versions" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Go to the pools" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add pool" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task PoolsAndReviewPages_HaveNoSeriousOrCriticalAxeViolations()
    {
        var page = await OpenPoolsAsync();
        var problems = new List<string>(await SeriousViolationsAsync(page));
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove vm-pool" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Keep the pool" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Set an option of varlibqubes" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByLabel("revisions_to_keep").FillAsync("0");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Stage" }).ClickAsync();
        await page.GotoAsync(Server.BaseUrl + "/review");
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("r4-step")).ToHaveCountAsync(1);
        problems.AddRange(await SeriousViolationsAsync(page));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static async Task<IEnumerable<string>> SeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        return result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{page.Url}: {v.Impact} {v.Id}: {v.Help} — " + string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html)));
    }

    // The row whose name cell is exactly the pool (a nested pool's row also names its parent).
    [Fact]
    public async Task PoolAddedThroughTheCli_AppearsOnTheOpenPage_WithoutAReload()
    {
        var page = await OpenPoolsAsync();
        await Expect(Row(page, "fromcli")).ToHaveCountAsync(0);
        var dir = Directory.CreateDirectory(Path.Combine(SandboxDir, "cli-parent")).FullName + "/fromcli";

        // The CLI talks to the console's running stand-in (the one qubesd), as qvm-pool would on dom0.
        var added = await Cli.RunAsync("pool", "add", "fromcli", "file", "-o", "dir_path=" + dir, "--r4");
        Assert.True(added.ExitCode == 0, added.ToString());

        await Expect(Row(page, "fromcli")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("r4-changed-in-qubesd")).ToHaveCountAsync(0);
        var removed = await Cli.RunAsync("pool", "remove", "fromcli", "--r4");
        Assert.True(removed.ExitCode == 0, removed.ToString());
        await Expect(Row(page, "fromcli")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task PoolAddedElsewhereWhileChangesAreStaged_MarksThemStale_RebaseKeepsThem()
    {
        var page = await OpenPoolsAsync();
        await R4PoolDialog.StageFilePoolAsync(page, "mine", Path.Combine(SandboxDir, "mine"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Review changes (1 pending)" })).ToBeVisibleAsync();

        using (var client = new QubesdClient(new QubesdClientOptions { SocketPath = Socket }))
        {
            var added = await client.PoolAddAsync("file", "theirs", [KeyValuePair.Create("dir_path", Path.Combine(SandboxDir, "theirs"))]);
            Assert.True(added.IsOk, added.ToString());
        }

        var stale = page.GetByTestId("r4-changed-in-qubesd");
        await Expect(stale).ToContainTextAsync("pool theirs was added", new() { Timeout = 15_000 });
        await Expect(stale).ToContainTextAsync("Applying now would be refused");
        await page.ScreenshotAsync(new() { Path = "/tmp/r4-stale.png", FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Rebase my changes" }).ClickAsync();
        await Expect(stale).ToHaveCountAsync(0);
        await Expect(Row(page, "theirs")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Review changes (1 pending)" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Review and apply" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.GetByTestId("r4-outcome")).ToContainTextAsync("Applied.");
    }

    private CliProcess Cli => new(Server.DataDirectory);

    private static ILocator Row(IPage page, string pool)
        => page.GetByRole(AriaRole.Row).Filter(new() { Has = page.Locator("strong", new() { HasTextRegex = new Regex($"^{Regex.Escape(pool)}$") }) });

    private async Task<IPage> OpenPoolsAsync()
    {
        var page = await OpenLoggedInAsync(Server, "/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pools", Exact = true })).ToBeVisibleAsync();
        await Expect(Row(page, "varlibqubes")).ToBeVisibleAsync();
        return page;
    }
}
