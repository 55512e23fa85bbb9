namespace QubesPoolConsole.E2E.Tests;

/// <summary>
/// Faults on the real files, seen in the browser and through the command line on the same sandbox: storage.conf
/// missing, qubes.xml missing, a pool directory on an unplugged disk, a read-only /etc/qubes. Each is a clear state,
/// nothing crashes, nothing is written that the user did not apply.
/// </summary>
public class FaultStatesE2ETests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task StorageConfMissing_CliSaysSo_ConsoleOffersTheShippedFile_RestoreBringsThePoolsBack()
    {
        var cli = new CliProcess(Server.DataDirectory);
        var shipped = await File.ReadAllTextAsync(Server.ConfPath);
        File.Delete(Server.ConfPath);

        var pools = await cli.RunAsync("pools");
        Assert.True(pools.ExitCode == 2, pools.ToString());
        Assert.StartsWith($"error: {Server.ConfPath} does not exist. Without it Qubes has no pools", pools.Stderr);
        var add = await cli.RunAsync("pool", "add", "fast", "-o", "dir_path=/mnt/fast");
        Assert.True(add.ExitCode == 2, add.ToString());
        Assert.Contains("does not exist", add.Stderr);
        Assert.Contains("Nothing was changed.", add.Stderr);
        Assert.False(File.Exists(Server.ConfPath));

        var page = await OpenLoggedInAsync(Server, "/");
        await Expect(page.GetByTestId("file-missing")).ToContainTextAsync("does not exist");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add pool" })).ToBeDisabledAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Restore the file Qubes ships" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(Server.BaseUrl + "/review");
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Pending changes" })).ToContainTextAsync("Restore the storage.conf Qubes R3.2 ships");
        Assert.False(File.Exists(Server.ConfPath)); // staged, not written
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.GetByTestId("review-notice")).ToContainTextAsync("Applied.");
        Assert.Equal(shipped, await File.ReadAllTextAsync(Server.ConfPath));

        await page.GetByRole(AriaRole.Link, new() { Name = "Pools", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "default" })).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("file-missing")).ToHaveCountAsync(0);
        var check = await cli.RunAsync("check");
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Equal($"{Server.ConfPath}: OK, 1 pool\n", check.Stdout);
    }

    [Fact]
    public async Task PoolOnAnUnpluggedDisk_ThenQubesXmlMissing_PoolsStillShownWithReasons_NothingCrashes()
    {
        var cli = new CliProcess(Server.DataDirectory);
        var gone = Path.Combine(Server.DataDirectory, "media", "usb-disk", "vms"); // never created: the disk is not there
        await File.AppendAllTextAsync(Server.ConfPath, $"[usb]\ndriver=xen\ndir_path={gone}\n");
        var conf = await File.ReadAllTextAsync(Server.ConfPath);

        // The unplugged disk: free space unknown with the reason; editing and removing still work (staged only).
        var page = await OpenLoggedInAsync(Server, "/");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "usb" });
        await Expect(row).ToContainTextAsync("unknown");
        await Expect(row).ToContainTextAsync("the directory does not exist");
        await page.GotoAsync(Server.BaseUrl + "/pools/usb");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        var moved = Path.Combine(Server.DataDirectory, "pools", "usb-copy");
        Directory.CreateDirectory(moved);
        await page.GetByRole(AriaRole.Dialog).GetByLabel("Directory (dir_path)").FillAsync(moved);
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pool usb", Level = 1 })).ToContainTextAsync("pending: changed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("Section [usb] will be removed");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Remove pool" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Review changes (2 pending)" })).ToBeVisibleAsync();
        var listed = await cli.RunAsync("pools");
        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.Contains("dir_path=" + gone, listed.Stdout);

        // qubes.xml missing: pools listed, VM counts unknown with the reason, removal refused, the wizard says why.
        File.Delete(Server.QubesXmlPath);
        var fresh = await OpenLoggedInAsync(Server, "/");
        await Expect(fresh.GetByText("VM counts are unknown: " + Server.QubesXmlPath + " does not exist")).ToBeVisibleAsync();
        await Expect(fresh.GetByRole(AriaRole.Row).Filter(new() { HasText = "usb" })).ToContainTextAsync("the directory does not exist");
        await Expect(fresh.GetByRole(AriaRole.Row).Filter(new() { HasText = "usb" }).GetByRole(AriaRole.Cell, new() { Name = "?", Exact = true })).ToBeVisibleAsync();
        await fresh.GotoAsync(Server.BaseUrl + "/pools/usb");
        await fresh.WaitForInteractiveAsync();
        await fresh.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        var refusal = fresh.GetByRole(AriaRole.Dialog);
        await Expect(refusal).ToContainTextAsync("Cannot tell whether any VM uses pool 'usb'");
        await Expect(refusal.GetByRole(AriaRole.Button, new() { Name = "Remove pool" })).ToBeDisabledAsync();
        await refusal.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await fresh.GotoAsync(Server.BaseUrl + "/vms/new");
        await fresh.WaitForInteractiveAsync();
        await Expect(fresh.GetByText(Server.QubesXmlPath + " does not exist")).ToContainTextAsync("the wizard is closed until it can be read");
        await Expect(fresh.GetByRole(AriaRole.Button, new() { Name = "Next" })).ToHaveCountAsync(0);

        var unknown = await cli.RunAsync("pools");
        Assert.True(unknown.ExitCode == 0, unknown.ToString());
        Assert.Matches(@"(?m)^usb\s+xen\s+\?\s", unknown.Stdout);
        Assert.StartsWith($"warning: {Server.QubesXmlPath} does not exist", unknown.Stderr);
        var remove = await cli.RunAsync("pool", "remove", "usb");
        Assert.True(remove.ExitCode == 1, remove.ToString());
        Assert.StartsWith("error: Cannot tell whether any VM uses pool 'usb'", remove.Stderr);

        Assert.Equal(conf, await File.ReadAllTextAsync(Server.ConfPath));
    }

    [SkippableFact]
    public async Task ReadOnlyEtcQubes_ApplyFailsWithAClearMessage_TheDraftIsKept_AndAppliesOnceWritable()
    {
        var cli = new CliProcess(Server.DataDirectory);
        var before = await File.ReadAllTextAsync(Server.ConfPath);
        var page = await OpenLoggedInAsync(Server, "/");
        var dir = Path.Combine(Server.DataDirectory, "pools", "fast");
        Directory.CreateDirectory(dir);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add pool" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByLabel("Pool name").FillAsync("fast");
        await page.GetByRole(AriaRole.Dialog).GetByLabel("Directory (dir_path)").FillAsync(dir);
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Create pool" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Review changes (1 pending)" }).ClickAsync();

        using (var readOnly = ReadOnlyBind.TryCreate(Path.GetDirectoryName(Server.ConfPath)!, out var reason))
        {
            Skip.If(readOnly is null, reason);
            await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
            var notice = page.GetByTestId("review-notice");
            await Expect(notice).ToContainTextAsync("Could not save");
            await Expect(notice).ToContainTextAsync("Read-only file system");
            await Expect(notice).ToContainTextAsync("The file was not changed.");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pending changes (1)" })).ToBeVisibleAsync();
            Assert.Equal(before, await File.ReadAllTextAsync(Server.ConfPath));

            var add = await cli.RunAsync("pool", "add", "other", "-o", "dir_path=" + dir);
            Assert.True(add.ExitCode == 4, add.ToString());
            Assert.Contains("Read-only file system", add.Stderr);
            Assert.Contains("The file was not changed.", add.Stderr);
            Assert.Equal(before, await File.ReadAllTextAsync(Server.ConfPath));
        }

        // Writable again: the same draft applies.
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.GetByTestId("review-notice")).ToContainTextAsync("Applied.");
        Assert.Equal(before + $"[fast]\ndriver=xen\ndir_path={dir}\n\n", await File.ReadAllTextAsync(Server.ConfPath));
    }

    /// <summary>A folder bind-mounted read-only onto itself (root only; a container without CAP_SYS_ADMIN cannot).</summary>
    private sealed class ReadOnlyBind : IDisposable
    {
        private readonly string _dir;

        private ReadOnlyBind(string dir) => _dir = dir;

        public static ReadOnlyBind? TryCreate(string dir, out string reason)
        {
            reason = "";
            if (Environment.UserName != "root")
            {
                reason = "not running as root, so /etc/qubes cannot be made read-only with a bind mount";
                return null;
            }
            var (code, error) = Run("mount", "--bind", dir, dir);
            if (code != 0)
            {
                reason = "mount --bind failed (" + error.Trim() + "); a container without CAP_SYS_ADMIN cannot mount";
                return null;
            }
            (code, error) = Run("mount", "-o", "remount,bind,ro", dir);
            if (code != 0)
            {
                Run("umount", dir);
                reason = "remounting read-only failed (" + error.Trim() + ")";
                return null;
            }
            return new ReadOnlyBind(dir);
        }

        public void Dispose() => Run("umount", _dir);

        private static (int Code, string Error) Run(string file, params string[] args)
        {
            var psi = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in args) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            var error = p.StandardError.ReadToEnd();
            p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, error);
        }
    }
}
