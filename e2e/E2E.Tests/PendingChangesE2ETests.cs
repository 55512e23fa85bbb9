namespace QubesPoolConsole.E2E.Tests;

/// <summary>Pending changes in a real browser: review, apply, conflicts, the raw editor and undo — checked on disk.</summary>
public class PendingChangesE2ETests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task CreatePool_ReviewTheDiff_Apply_WritesOnlyTheNewSection()
    {
        var before = await File.ReadAllTextAsync(Server.ConfPath);
        var dir = Path.Combine(Server.DataDirectory, "pools", "fast");
        var page = await OpenLoggedInAsync(Server, "/");
        await page.StagePoolAsync("fast", dir);

        await page.GetByRole(AriaRole.Link, new() { Name = "Review changes (1 pending)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pending changes (1)" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Pending changes" })).ToContainTextAsync("Add pool fast (xen)");
        var diff = page.GetByRole(AriaRole.Table, new() { Name = "Changes to storage.conf" });
        await Expect(Line(diff, "added", "[fast]")).ToHaveCountAsync(1);
        await Expect(Line(diff, "added", "dir_path=" + dir)).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Resulting storage.conf" })).ToContainTextAsync("[default] ; poolname");
        await page.SaveReadmeScreenshotAsync("review.png");

        // Leaving the review with unapplied changes asks first; "Stay" keeps the page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Pools", Exact = true }).ClickAsync();
        var ask = page.GetByRole(AriaRole.Dialog);
        await Expect(ask).ToContainTextAsync("not applied yet");
        await ask.GetByRole(AriaRole.Button, new() { Name = "Stay" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Server.BaseUrl + "/review");
        Assert.Equal(before, await File.ReadAllTextAsync(Server.ConfPath));

        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();

        await Expect(page.GetByTestId("review-notice")).ToContainTextAsync("Applied.");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "storage.conf now" })).ToContainTextAsync("dir_path=" + dir);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Review changes (none pending)" })).ToBeVisibleAsync();
        Assert.Equal(before + $"[fast]\ndriver=xen\ndir_path={dir}\n\n", await File.ReadAllTextAsync(Server.ConfPath));
    }

    [Fact]
    public async Task ExternalEditDuringADraft_ShowsLive_ConflictsOnApply_RebaseThenApplyKeepsBoth()
    {
        var dir = Path.Combine(Server.DataDirectory, "pools", "fast");
        var page = await OpenLoggedInAsync(Server, "/");
        await page.StagePoolAsync("fast", dir);
        await page.GetByRole(AriaRole.Link, new() { Name = "Review changes" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pending changes (1)" })).ToBeVisibleAsync();

        var external = "# edited outside the console\n" + await File.ReadAllTextAsync(Server.ConfPath);
        LikeAnEditor.Write(Server.ConfPath, external);

        await Expect(page.GetByTestId("changed-on-disk")).ToContainTextAsync("rebase or discard");
        await ApplyIntoAConflict_RebaseAndApplyAsync(page, external);
        Assert.Equal(external + $"[fast]\ndriver=xen\ndir_path={dir}\n\n", await File.ReadAllTextAsync(Server.ConfPath));
    }

    [Fact]
    public async Task MalformedFile_RepairedInTheRawEditor_IsWrittenExactly()
    {
        await File.WriteAllTextAsync(Server.ConfPath, "driver=xen\n[default]\n");
        var page = await OpenLoggedInAsync(Server, "/raw");
        await Expect(page.GetByTestId("file-malformed")).ToContainTextAsync("Qubes cannot read storage.conf");
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Problems in this text" })).ToContainTextAsync("line 1");
        await page.SaveReadmeScreenshotAsync("raw-editor.png");

        const string repaired = "[default]\ndriver=xen\n";
        await page.GetByLabel("storage.conf text").FillAsync(repaired);
        await Expect(page.GetByTestId("raw-diagnostics")).ToContainTextAsync("No problems");
        var rawDiff = page.GetByRole(AriaRole.Table, new() { Name = "Text compared with the file on disk" });
        await Expect(rawDiff.GetByRole(AriaRole.Cell, new() { Name = "removed", Exact = true })).ToHaveCountAsync(1);
        await Expect(rawDiff.GetByRole(AriaRole.Cell, new() { Name = "added", Exact = true })).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Stage this text" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(Server.BaseUrl + "/review");
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Pending changes" })).ToContainTextAsync("Edit storage.conf as text");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.GetByTestId("review-notice")).ToContainTextAsync("Applied.");
        Assert.Equal(repaired, await File.ReadAllTextAsync(Server.ConfPath));
    }

    [Fact]
    public async Task UndoTheLastApply_RestoresThePreviousBytes()
    {
        var original = await File.ReadAllBytesAsync(Server.ConfPath);
        var page = await OpenLoggedInAsync(Server, "/");
        await page.StagePoolAsync("fast", Path.Combine(Server.DataDirectory, "pools", "fast"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Review changes" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.GetByTestId("review-notice")).ToContainTextAsync("Applied.");
        Assert.NotEqual(original, await File.ReadAllBytesAsync(Server.ConfPath));

        await page.GotoAsync(Server.BaseUrl + "/undo");
        await page.WaitForInteractiveAsync();
        var last = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "before the last apply" });
        await last.GetByRole(AriaRole.Button, new() { Name = "Restore the version" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(Server.BaseUrl + "/review");
        await Expect(Line(page.GetByRole(AriaRole.Table, new() { Name = "Changes to storage.conf" }), "removed", "[fast]")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.GetByTestId("review-notice")).ToContainTextAsync("Applied.");
        Assert.Equal(original, await File.ReadAllBytesAsync(Server.ConfPath));
    }

    /// <summary>
    /// Four writers on one storage.conf — two browser sessions with pending edits, the console's command line and an
    /// external editor: every apply after another writer's change is refused as a conflict (the CLI's exit 3, the
    /// browsers' conflict panel with the disk diff), nothing is overwritten, and the file ends with every change.
    /// </summary>
    [Fact]
    public async Task TwoBrowsersTheCliAndAnEditor_EveryStaleApplyIsAConflict_NothingIsLost()
    {
        var cli = new CliProcess(Server.DataDirectory);
        var shipped = await File.ReadAllTextAsync(Server.ConfPath);
        var dirV = Dir(Server, "vmstore");
        var dirV2 = Dir(Server, "vmstore2");
        var dirA = Dir(Server, "alpha");
        var dirB = Dir(Server, "beta");
        await File.WriteAllTextAsync(Server.ConfPath, shipped + $"[vmstore]\ndriver=xen\ndir_path={dirV}\n\n");
        var first = await OpenLoggedInAsync(Server, "/");
        var second = await OpenLoggedInAsync(Server, "/");
        await first.StagePoolAsync("alpha", dirA);
        await second.StagePoolAsync("beta", dirB);
        await first.GetByRole(AriaRole.Link, new() { Name = "Review changes" }).ClickAsync();
        await second.GetByRole(AriaRole.Link, new() { Name = "Review changes" }).ClickAsync();
        await Expect(second.GetByRole(AriaRole.Heading, new() { Name = "Pending changes (1)" })).ToBeVisibleAsync();
        int conflicts = 0;

        // 1. The CLI loads the file; the first browser applies before the CLI saves: the CLI refuses (exit 3).
        using (var paused = await cli.StartPausedAsync("pool", "set", "vmstore", "-o", "dir_path=" + dirV2))
        {
            await first.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
            await Expect(first.GetByTestId("review-notice")).ToContainTextAsync("Applied.");
            var stale = await paused.SaveAsync();
            Assert.True(stale.ExitCode == 3, stale.ToString());
            Assert.Contains("was changed by another writer while this command ran; nothing was written", stale.Stderr);
            conflicts++;
        }
        var afterFirst = await File.ReadAllTextAsync(Server.ConfPath);
        Assert.Contains($"[alpha]\ndriver=xen\ndir_path={dirA}\n", afterFirst);
        Assert.Contains("dir_path=" + dirV + "\n", afterFirst);

        // 2. Run again, the CLI works on the fresh file: the browser's pool stays.
        var set = await cli.RunAsync("pool", "set", "vmstore", "-o", "dir_path=" + dirV2);
        Assert.True(set.ExitCode == 0, set.ToString());
        var afterCli = await File.ReadAllTextAsync(Server.ConfPath);
        Assert.Equal(afterFirst.Replace("dir_path=" + dirV + "\n", "dir_path=" + dirV2 + "\n"), afterCli);

        // 3. The second browser sees the file change live; its apply is a conflict showing both writers' changes.
        await Expect(second.GetByTestId("changed-on-disk")).ToContainTextAsync("rebase or discard");
        await second.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(second.GetByTestId("conflict")).ToContainTextAsync("changed on disk");
        var onDisk = second.GetByRole(AriaRole.Table, new() { Name = "What changed on disk" });
        await Expect(Line(onDisk, "added", "[alpha]")).ToHaveCountAsync(1);
        await Expect(Line(onDisk, "added", "dir_path=" + dirV2)).ToHaveCountAsync(1);
        await Expect(Line(onDisk, "removed", "dir_path=" + dirV)).ToHaveCountAsync(1);
        await Expect(second.GetByRole(AriaRole.Button, new() { Name = "Discard my changes" })).ToBeVisibleAsync();
        Assert.Equal(afterCli, await File.ReadAllTextAsync(Server.ConfPath));
        conflicts++;
        await second.GetByRole(AriaRole.Button, new() { Name = "Rebase my changes" }).ClickAsync();
        await Expect(second.GetByTestId("conflict")).ToHaveCountAsync(0);

        // 4. An editor writes after the rebase: the next apply is a conflict again.
        var edited = "# edited outside the console\n" + afterCli;
        await File.WriteAllTextAsync(Server.ConfPath, edited);
        await ApplyIntoAConflict_RebaseAndApplyAsync(second, edited);
        conflicts++;

        // Every writer's change is in the file, each once.
        Assert.Equal(edited + $"[beta]\ndriver=xen\ndir_path={dirB}\n\n", await File.ReadAllTextAsync(Server.ConfPath));
        var check = await cli.RunAsync("check");
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Contains("OK, 4 pools", check.Stdout);
        Assert.Equal(3, conflicts);
        Report($"e2e concurrency: 2 browser sessions, the CLI and an editor on one storage.conf: {conflicts} conflicts detected (1 CLI exit 3, 2 browser applies), 0 changes lost");
    }

    /// <summary>The diff rows holding <paramref name="text"/> whose marker cell says <paramref name="kind"/> (added/removed).</summary>
    private static ILocator Line(ILocator diff, string kind, string text)
        => diff.GetByRole(AriaRole.Row).Filter(new() { HasText = text })
            .Filter(new() { Has = diff.Page.GetByRole(AriaRole.Cell, new() { Name = kind, Exact = true }) });

    private static string Dir(InProcessServer server, string name)
    {
        var dir = Path.Combine(server.DataDirectory, "pools", name);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Appends a figure to the file named by QPC_REPORT (see docs/reliability.md).</summary>
    private static void Report(string line)
    {
        if (Environment.GetEnvironmentVariable("QPC_REPORT") is { Length: > 0 } path) File.AppendAllText(path, line + "\n");
    }

    /// <summary>
    /// Apply after "# edited outside the console" reached the file: the conflict shows that line as changed on disk
    /// and nothing is written; the rebase keeps it, and the second apply succeeds.
    /// </summary>
    private async Task ApplyIntoAConflict_RebaseAndApplyAsync(IPage page, string onDisk)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.GetByTestId("conflict")).ToContainTextAsync("changed on disk");
        await Expect(Line(page.GetByRole(AriaRole.Table, new() { Name = "What changed on disk" }), "added", "# edited outside the console")).ToHaveCountAsync(1);
        Assert.Equal(onDisk, await File.ReadAllTextAsync(Server.ConfPath));

        await page.GetByRole(AriaRole.Button, new() { Name = "Rebase my changes" }).ClickAsync();
        await Expect(page.GetByTestId("conflict")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Resulting storage.conf" })).ToContainTextAsync("# edited outside the console");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.GetByTestId("review-notice")).ToContainTextAsync("Applied.");
    }
}
