namespace QubesPoolConsole.Server.Tests.Cli;

/// <summary>pool add|set|unset|remove against real files: writes, refusals, no-ops and the in-use guard.</summary>
public class CliEditTests
{
    [Fact]
    public async Task Add_WithoutDriver_WritesAXenPoolKeepsCommentsAndAudits()
    {
        using var box = new CliSandbox(TestFixtures.ShippedStorageConfText);
        var before = File.ReadAllText(box.ConfPath);

        var run = await box.RunAsync("pool", "add", "vmstore", "-o", "dir_path=/mnt/vmstore").ExitsWith(0);
        // The directory-on-disk check of the web forms, now Core's, speaks for the CLI too.
        Assert.Equal("warning: '/mnt/vmstore' does not exist yet; Qubes will create it (with appvms/, vm-templates/ and servicevms/) the next time it loads the VMs. [dir-path-not-on-disk]",
            Assert.Single(run.StderrLines));
        Assert.StartsWith($"Saved {box.ConfPath}; the previous version is kept as ", run.Stdout);
        var after = File.ReadAllText(box.ConfPath);
        Assert.StartsWith(before.TrimEnd('\n'), after);
        Assert.Contains("\n[vmstore]\ndriver=xen\ndir_path=/mnt/vmstore\n", after);
        Assert.Equal(0, (await box.RunAsync("check")).ExitCode);

        var audit = File.ReadAllLines(Path.Combine(box.StateDirectory, "audit.jsonl"));
        using var entry = JsonDocument.Parse(Assert.Single(audit));
        Assert.Equal("cli", entry.RootElement.GetProperty("session").GetString());
        Assert.Equal("Add pool vmstore (xen)", entry.RootElement.GetProperty("summary").GetString());
        Assert.Equal(box.ConfPath, entry.RootElement.GetProperty("file").GetString());
    }

    [Fact]
    public async Task Add_WhenTheAuditLogCannotBeWritten_TheChangeStandsAndStderrSaysSo()
    {
        using var box = new CliSandbox(CliSandbox.ShippedWithVmstore);
        var auditPath = Path.Combine(box.StateDirectory, "audit.jsonl");
        Directory.CreateDirectory(auditPath); // a folder where the journal should be: appending to it fails

        var run = await box.RunAsync("pool", "add", "p2", "-o", $"dir_path={box.Root}").ExitsWith(0);
        Assert.StartsWith($"Saved {box.ConfPath}", run.Stdout);
        Assert.StartsWith($"warning: The change was saved, but the audit log {auditPath} could not be written: ", Assert.Single(run.StderrLines));
        Assert.EndsWith($"[p2]\ndriver=xen\ndir_path={box.Root}\n", File.ReadAllText(box.ConfPath));
    }

    [Fact]
    public async Task Add_CustomClass_WritesClassAndWarnsThatItCannotBeChecked()
    {
        using var box = new CliSandbox(CliSandbox.ShippedWithVmstore);

        var run = await box.RunAsync("pool", "add", "lvm", "-o", "class=my.storage.LvmPool", "-o", "volume_group=qubes").ExitsWith(0);
        var warning = Assert.Single(run.StderrLines);
        Assert.StartsWith("warning: [lvm] uses the custom class my.storage.LvmPool", warning);
        Assert.EndsWith("[lvm]\nclass=my.storage.LvmPool\nvolume_group=qubes\n", File.ReadAllText(box.ConfPath));
    }

    [Theory]
    [InlineData("default", "'default' is reserved")]
    [InlineData("bad name", "contains a space")]
    [InlineData("vmstore", "already exists")]
    public async Task Add_InvalidName_IsRefusedInOneLineAndWritesNothing(string name, string reason)
    {
        using var box = new CliSandbox(CliSandbox.ShippedWithVmstore);
        var stamp = box.Stamp();

        var run = await box.RunAsync("pool", "add", name, "-o", "dir_path=/mnt/x").ExitsWith(1);
        Assert.Equal("", run.Stdout);
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith("error: ", line);
        Assert.Contains(reason, line);
        Assert.Equal(stamp, box.Stamp());
    }

    [Fact]
    public async Task Add_RelativeDirPathAndBadKey_PrintsOneLinePerError()
    {
        using var box = new CliSandbox(CliSandbox.ShippedWithVmstore);
        var stamp = box.Stamp();

        var run = await box.RunAsync("pool", "add", "p2", "-o", "dir_path=relative/dir", "-o", "Size=1").ExitsWith(1);
        Assert.Equal(2, run.StderrLines.Length);
        Assert.All(run.StderrLines, l => Assert.StartsWith("error: ", l));
        Assert.Contains(run.StderrLines, l => l.Contains("dir_path"));
        Assert.Contains(run.StderrLines, l => l.Contains("'Size'"));
        Assert.Equal(stamp, box.Stamp());
    }

    [Fact]
    public async Task Set_DirPathOfPoolInUse_WithoutYes_IsRefusedAndSaysWhy()
    {
        using var box = VmstoreInUseWithOtherDir();
        var stamp = box.Stamp();

        var run = await box.RunAsync("pool", "set", "vmstore", "-o", $"dir_path={box.Root}/other").ExitsWith(1);
        Assert.Equal(2, run.StderrLines.Length);
        Assert.StartsWith("warning: Pool 'vmstore' holds 2 VM(s) (vault, work).", run.StderrLines[0]);
        Assert.EndsWith("[pool-moved]", run.StderrLines[0]);
        Assert.Equal("error: The warning above needs your confirmation; run the command again with --yes to confirm it. Nothing was changed.", run.StderrLines[1]);
        Assert.Equal(stamp, box.Stamp());
    }

    [Fact]
    public async Task Set_DirPathOfPoolInUse_WithYes_WritesAndWarnsNamingTheVms()
    {
        using var box = VmstoreInUseWithOtherDir();

        var run = await box.RunAsync("pool", "set", "vmstore", "-o", $"dir_path={box.Root}/other", "--yes").ExitsWith(0);
        var warning = Assert.Single(run.StderrLines);
        Assert.StartsWith("warning: Pool 'vmstore' holds 2 VM(s) (vault, work).", warning);
        Assert.EndsWith($"[vmstore]\ndriver=xen\ndir_path={box.Root}/other\n", File.ReadAllText(box.ConfPath));
    }

    [Fact]
    public async Task Set_ValueThePoolAlreadyHas_IsANoOpEvenWhenTheConsoleWouldRefuseItFresh()
    {
        using var box = new CliSandbox(CliSandbox.ShippedWithVmstore + "\n[rel]\ndriver=xen\ndir_path=relative/dir\n");
        var stamp = box.Stamp();

        var run = await box.RunAsync("pool", "set", "rel", "-o", "dir_path=relative/dir");

        Assert.Equal(new CliResult(0, "", ""), run);
        Assert.Equal(stamp, box.Stamp());
    }

    [Fact]
    public async Task Set_DirPathWhenQubesXmlCannotBeRead_WritesAndWarnsThatVmsCannotBeNamed()
    {
        using var box = new CliSandbox(CliSandbox.ShippedWithVmstore, qubesXmlFixture: null);

        var noop = await box.RunAsync("pool", "set", "vmstore", "-o", "dir_path=/mnt/vmstore");
        var run = await box.RunAsync("pool", "set", "vmstore", "-o", $"dir_path={box.Root}");

        Assert.Equal(new CliResult(0, "", ""), noop);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith($"warning: {box.QubesXmlPath} does not exist", Assert.Single(run.StderrLines));
        Assert.EndsWith($"dir_path={box.Root}\n", File.ReadAllText(box.ConfPath));
    }

    [Fact]
    public async Task Set_KeyOnDefaultPool_IsRefused()
    {
        using var box = new CliSandbox(CliSandbox.ShippedWithVmstore);
        var stamp = box.Stamp();

        var run = await box.RunAsync("pool", "set", "default", "-o", "dir_path=/mnt/x").ExitsWith(1);
        Assert.Contains("crashes Qubes R3.2", Assert.Single(run.StderrLines));
        Assert.Equal(stamp, box.Stamp());
    }

    [Fact]
    public async Task Unset_DirPathOfXenPool_IsRefusedBecauseQubesWouldFail()
    {
        using var box = new CliSandbox(CliSandbox.ShippedWithVmstore);
        var stamp = box.Stamp();

        var run = await box.RunAsync("pool", "unset", "vmstore", "dir_path").ExitsWith(1);
        Assert.Contains("has no dir_path", Assert.Single(run.StderrLines));
        Assert.Equal(stamp, box.Stamp());
    }

    [Fact]
    public async Task Unset_OptionOfCustomPool_RemovesTheLine()
    {
        using var box = new CliSandbox(CliSandbox.ShippedWithVmstore + "\n[lvm]\nclass=my.storage.LvmPool\nvolume_group=qubes\nthin=pool\n");

        var run = await box.RunAsync("pool", "unset", "lvm", "THIN").ExitsWith(0);
        Assert.EndsWith("[lvm]\nclass=my.storage.LvmPool\nvolume_group=qubes\n", File.ReadAllText(box.ConfPath));
    }

    [Fact]
    public async Task Remove_PoolInUse_IsRefusedNamingTheVms()
    {
        using var box = new CliSandbox(CliSandbox.ShippedWithVmstore);
        box.PutVmsInPool("vmstore", "personal");
        var stamp = box.Stamp();

        var run = await box.RunAsync("pool", "remove", "vmstore").ExitsWith(1);
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith("error: Pool 'vmstore' is used by 1 VM(s): personal.", line);
        Assert.Equal(stamp, box.Stamp());
    }

    [Fact]
    public async Task Remove_WhenQubesXmlCannotBeRead_IsRefused()
    {
        using var box = new CliSandbox(CliSandbox.ShippedWithVmstore, qubesXmlFixture: null);
        var stamp = box.Stamp();

        var run = await box.RunAsync("pool", "remove", "vmstore").ExitsWith(1);
        Assert.StartsWith("error: Cannot tell whether any VM uses pool 'vmstore'", Assert.Single(run.StderrLines));
        Assert.Equal(stamp, box.Stamp());
    }

    [Fact]
    public async Task Remove_UnusedPool_RemovesItsSection()
    {
        using var box = new CliSandbox(CliSandbox.ShippedWithVmstore);

        var run = await box.RunAsync("pool", "remove", "vmstore").ExitsWith(0);
        Assert.DoesNotContain("vmstore", File.ReadAllText(box.ConfPath));
        Assert.Equal(0, (await box.RunAsync("check")).ExitCode);
    }

    [Fact]
    public async Task Edit_MissingFile_ExitsTwoAndCreatesNothing()
    {
        using var box = new CliSandbox();

        var run = await box.RunAsync("pool", "add", "vmstore", "-o", "dir_path=/mnt/vmstore").ExitsWith(2);
        Assert.StartsWith($"error: {box.ConfPath} does not exist.", Assert.Single(run.StderrLines));
        Assert.False(File.Exists(box.ConfPath));
    }

    [Theory]
    [InlineData("set", "vmstore", "-o", "dir_path=/mnt/vmstore")]
    [InlineData("set", "default", "-o", "driver=xen")]
    [InlineData("unset", "vmstore", "revisions_to_keep")]
    public async Task Edit_ThatChangesNothing_PrintsNothingAndLeavesTheFileAlone(params string[] command)
    {
        using var box = new CliSandbox(CliSandbox.ShippedWithVmstore);
        var stamp = box.Stamp();

        var run = await box.RunAsync(["pool", .. command]);

        Assert.Equal(new CliResult(0, "", ""), run);
        Assert.Equal(stamp, box.Stamp());
        Assert.False(Directory.Exists(Path.Combine(box.StateDirectory, "history")));
    }

    [Fact]
    public async Task Edit_FileChangedWhileTheCommandRuns_IsAConflictAndKeepsTheOtherChange()
    {
        using var box = new CliSandbox(CliSandbox.ShippedWithVmstore);
        var psi = box.Cli.StartInfo(box.Args("pool", "set", "vmstore", "-o", $"dir_path={box.Root}"),
            new Dictionary<string, string> { ["QPC_TEST_PAUSE_BEFORE_SAVE"] = "1" });
        using var process = Process.Start(psi)!;

        // The command has loaded and validated the file; another writer saves it now.
        var hook = await process.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.StartsWith("test hook: loaded and validated", hook);
        var theirs = File.ReadAllText(box.ConfPath) + "# edited by someone else\n";
        File.WriteAllText(box.ConfPath, theirs);
        await process.StandardInput.WriteLineAsync();
        process.StandardInput.Close();
        var run = await CliProcess.FinishAsync(process);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal("", run.Stdout);
        Assert.StartsWith($"error: {box.ConfPath} was changed by another writer while this command ran; nothing was written.", Assert.Single(run.StderrLines));
        Assert.Equal(theirs, File.ReadAllText(box.ConfPath));
        Assert.False(File.Exists(Path.Combine(box.StateDirectory, "audit.jsonl")));
    }

    // vmstore holds two VMs, and there is a directory to move it to.
    private static CliSandbox VmstoreInUseWithOtherDir()
    {
        var box = new CliSandbox(CliSandbox.ShippedWithVmstore);
        box.PutVmsInPool("vmstore", "work", "vault");
        Directory.CreateDirectory(Path.Combine(box.Root, "other"));
        return box;
    }
}
