using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace QubesPoolConsole.E2E.Tests;

/// <summary>Pending changes in a real browser: review, apply, conflicts, the raw editor and undo — checked on disk.</summary>
[Collection(BrowserCollection.Name)]
public class PendingChangesE2ETests(BrowserFixture browser)
{
    [Fact]
    public async Task CreatePool_ReviewTheDiff_Apply_WritesOnlyTheNewSection()
    {
        await using var server = await ConsoleServer.StartAsync();
        var before = await File.ReadAllTextAsync(server.ConfPath);
        var dir = Path.Combine(server.DataDirectory, "pools", "fast");
        var page = await OpenAsync(server, "/");
        await StagePoolAsync(page, "fast", dir);

        await page.GetByRole(AriaRole.Link, new() { Name = "Review changes (1 pending)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pending changes (1)" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Pending changes" })).ToContainTextAsync("Add pool fast (xen)");
        var diff = page.GetByRole(AriaRole.Table, new() { Name = "Changes to storage.conf" });
        await Expect(Line(diff, "added", "[fast]")).ToHaveCountAsync(1);
        await Expect(Line(diff, "added", "dir_path=" + dir)).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Resulting storage.conf" })).ToContainTextAsync("[default] ; poolname");
        await ScreenshotAsync(page, "review.png");

        // Leaving the review with unapplied changes asks first; "Stay" keeps the page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Pools", Exact = true }).ClickAsync();
        var ask = page.GetByRole(AriaRole.Dialog);
        await Expect(ask).ToContainTextAsync("not applied yet");
        await ask.GetByRole(AriaRole.Button, new() { Name = "Stay" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(server.BaseUrl + "/review");
        Assert.Equal(before, await File.ReadAllTextAsync(server.ConfPath));

        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();

        await Expect(page.GetByTestId("review-notice")).ToContainTextAsync("Applied.");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "storage.conf now" })).ToContainTextAsync("dir_path=" + dir);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Review changes (none pending)" })).ToBeVisibleAsync();
        Assert.Equal(before + $"[fast]\ndriver=xen\ndir_path={dir}\n\n", await File.ReadAllTextAsync(server.ConfPath));
    }

    [Fact]
    public async Task ExternalEditDuringADraft_ShowsLive_ConflictsOnApply_RebaseThenApplyKeepsBoth()
    {
        await using var server = await ConsoleServer.StartAsync();
        var dir = Path.Combine(server.DataDirectory, "pools", "fast");
        var page = await OpenAsync(server, "/");
        await StagePoolAsync(page, "fast", dir);
        await page.GetByRole(AriaRole.Link, new() { Name = "Review changes" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pending changes (1)" })).ToBeVisibleAsync();

        var external = "# edited outside the console\n" + await File.ReadAllTextAsync(server.ConfPath);
        ReplaceLikeAnEditor(server.ConfPath, external);

        await Expect(page.GetByTestId("changed-on-disk")).ToContainTextAsync("rebase or discard");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.GetByTestId("conflict")).ToContainTextAsync("changed on disk");
        await Expect(Line(page.GetByRole(AriaRole.Table, new() { Name = "What changed on disk" }), "added", "# edited outside the console")).ToHaveCountAsync(1);
        Assert.Equal(external, await File.ReadAllTextAsync(server.ConfPath));

        await page.GetByRole(AriaRole.Button, new() { Name = "Rebase my changes" }).ClickAsync();
        await Expect(page.GetByTestId("conflict")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Resulting storage.conf" })).ToContainTextAsync("# edited outside the console");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();

        await Expect(page.GetByTestId("review-notice")).ToContainTextAsync("Applied.");
        Assert.Equal(external + $"[fast]\ndriver=xen\ndir_path={dir}\n\n", await File.ReadAllTextAsync(server.ConfPath));
    }

    [Fact]
    public async Task MalformedFile_RepairedInTheRawEditor_IsWrittenExactly()
    {
        await using var server = await ConsoleServer.StartAsync();
        await File.WriteAllTextAsync(server.ConfPath, "driver=xen\n[default]\n");
        var page = await OpenAsync(server, "/raw");
        await Expect(page.GetByTestId("file-malformed")).ToContainTextAsync("Qubes cannot read storage.conf");
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Problems in this text" })).ToContainTextAsync("line 1");
        await ScreenshotAsync(page, "raw-editor.png");

        const string repaired = "[default]\ndriver=xen\n";
        await page.GetByLabel("storage.conf text").FillAsync(repaired);
        await Expect(page.GetByTestId("raw-diagnostics")).ToContainTextAsync("No problems");
        var rawDiff = page.GetByRole(AriaRole.Table, new() { Name = "Text compared with the file on disk" });
        await Expect(rawDiff.GetByRole(AriaRole.Cell, new() { Name = "removed", Exact = true })).ToHaveCountAsync(1);
        await Expect(rawDiff.GetByRole(AriaRole.Cell, new() { Name = "added", Exact = true })).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Stage this text" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(server.BaseUrl + "/review");
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Pending changes" })).ToContainTextAsync("Edit storage.conf as text");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.GetByTestId("review-notice")).ToContainTextAsync("Applied.");
        Assert.Equal(repaired, await File.ReadAllTextAsync(server.ConfPath));
    }

    [Fact]
    public async Task UndoTheLastApply_RestoresThePreviousBytes()
    {
        await using var server = await ConsoleServer.StartAsync();
        var original = await File.ReadAllBytesAsync(server.ConfPath);
        var page = await OpenAsync(server, "/");
        await StagePoolAsync(page, "fast", Path.Combine(server.DataDirectory, "pools", "fast"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Review changes" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.GetByTestId("review-notice")).ToContainTextAsync("Applied.");
        Assert.NotEqual(original, await File.ReadAllBytesAsync(server.ConfPath));

        await page.GotoAsync(server.BaseUrl + "/undo");
        await page.WaitForInteractiveAsync();
        var last = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "before the last apply" });
        await last.GetByRole(AriaRole.Button, new() { Name = "Restore the version" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(server.BaseUrl + "/review");
        await Expect(Line(page.GetByRole(AriaRole.Table, new() { Name = "Changes to storage.conf" }), "removed", "[fast]")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.GetByTestId("review-notice")).ToContainTextAsync("Applied.");
        Assert.Equal(original, await File.ReadAllBytesAsync(server.ConfPath));
    }

    [Fact]
    public async Task TwoBrowserSessions_ApplyAtOnce_SecondIsRefusedAsConflict_RebaseKeepsBoth()
    {
        await using var server = await ConsoleServer.StartAsync();
        var before = await File.ReadAllTextAsync(server.ConfPath);
        var dirA = Path.Combine(server.DataDirectory, "pools", "alpha");
        var dirB = Path.Combine(server.DataDirectory, "pools", "beta");
        var first = await OpenAsync(server, "/");
        var second = await OpenAsync(server, "/");
        await StagePoolAsync(first, "alpha", dirA);
        await StagePoolAsync(second, "beta", dirB);

        await first.GetByRole(AriaRole.Link, new() { Name = "Review changes" }).ClickAsync();
        await first.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(first.GetByTestId("review-notice")).ToContainTextAsync("Applied.");
        var afterFirst = await File.ReadAllTextAsync(server.ConfPath);

        await second.GetByRole(AriaRole.Link, new() { Name = "Review changes" }).ClickAsync();
        await second.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(second.GetByTestId("conflict")).ToContainTextAsync("changed on disk");
        await Expect(Line(second.GetByRole(AriaRole.Table, new() { Name = "What changed on disk" }), "added", "[alpha]")).ToHaveCountAsync(1);
        Assert.Equal(afterFirst, await File.ReadAllTextAsync(server.ConfPath)); // nothing overwritten

        await second.GetByRole(AriaRole.Button, new() { Name = "Rebase my changes" }).ClickAsync();
        await Expect(second.GetByTestId("conflict")).ToHaveCountAsync(0);
        await second.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(second.GetByTestId("review-notice")).ToContainTextAsync("Applied.");

        Assert.Equal(before + $"[alpha]\ndriver=xen\ndir_path={dirA}\n\n[beta]\ndriver=xen\ndir_path={dirB}\n\n",
            await File.ReadAllTextAsync(server.ConfPath));
    }

    /// <summary>The diff rows holding <paramref name="text"/> whose marker cell says <paramref name="kind"/> (added/removed).</summary>
    private static ILocator Line(ILocator diff, string kind, string text)
        => diff.GetByRole(AriaRole.Row).Filter(new() { HasText = text })
            .Filter(new() { Has = diff.Page.GetByRole(AriaRole.Cell, new() { Name = kind, Exact = true }) });

    private async Task<IPage> OpenAsync(ConsoleServer server, string path)
    {
        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        return await server.OpenLoggedInAsync(context, path);
    }

    /// <summary>Stages a new xen pool through the pools page's dialog.</summary>
    private static async Task StagePoolAsync(IPage page, string name, string dir)
    {
        Directory.CreateDirectory(dir);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add pool" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Pool name").FillAsync(name);
        await dialog.GetByLabel("Directory (dir_path)").FillAsync(dir);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create pool" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
    }

    /// <summary>Writes the file as an editor or Qubes' own writer does: a temp file renamed over it.</summary>
    private static void ReplaceLikeAnEditor(string path, string text)
    {
        var temp = path + ".swp";
        File.WriteAllText(temp, text);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Saves the README's screenshots when QPC_SCREENSHOTS=1.</summary>
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("QPC_SCREENSHOTS") != "1") return;
        // Close the pools page's "Staged" message, so that it does not cover the page.
        if (await page.GetByText("Staged:").CountAsync() > 0)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true }).First.ClickAsync();
            await Expect(page.GetByText("Staged:")).ToHaveCountAsync(0);
        }
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "WebConsole.sln"))) dir = dir.Parent;
        var target = Path.Combine(dir?.FullName ?? ".", "docs", "screenshots");
        Directory.CreateDirectory(target);
        await page.ScreenshotAsync(new() { Path = Path.Combine(target, name), FullPage = true });
    }
}
