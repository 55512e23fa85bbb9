namespace QubesPoolConsole.Server.Tests.Cli;

/// <summary>--dry-run prints the diff of the real write, which git apply accepts, and touches nothing.</summary>
public class CliDryRunTests
{
    private const string Conf = "[default] ; poolname\ndriver=xen ; the default xen storage\n\n[vmstore]\ndriver=xen\ndir_path=/mnt/vmstore\n\n[lvm]\nclass=my.storage.LvmPool\nvolume_group=qubes\n";

    public static TheoryData<string[]> Edits => new()
    {
        new[] { "pool", "add", "fast", "-o", "dir_path=/mnt/fast" },
        new[] { "pool", "set", "vmstore", "-o", "dir_path=/mnt/other/" },
        new[] { "pool", "unset", "lvm", "volume_group" },
        new[] { "pool", "remove", "vmstore" },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public async Task DryRun_PrintsAPatchGitApplies_ThatEqualsTheRealWrite_AndTouchesNothing(string[] edit)
    {
        using var dry = new CliSandbox(Conf);
        using var real = new CliSandbox(Conf);
        var stamp = dry.Stamp();

        var run = await dry.RunAsync([.. edit, "--dry-run"]).ExitsWith(0);
        Assert.StartsWith("--- a/storage.conf\n+++ b/storage.conf\n@@ ", run.Stdout);
        Assert.Equal(stamp, dry.Stamp());
        Assert.False(Directory.Exists(Path.Combine(dry.StateDirectory, "history")));
        Assert.False(File.Exists(Path.Combine(dry.StateDirectory, "audit.jsonl")));

        var patch = Path.Combine(dry.Root, "change.patch");
        File.WriteAllText(patch, run.Stdout);
        Assert.Equal(0, Git(dry.Root, "apply", "--check", patch));
        Assert.Equal(0, Git(dry.Root, "apply", patch));
        Assert.Equal(0, (await real.RunAsync(edit)).ExitCode);
        Assert.Equal(File.ReadAllText(real.ConfPath), File.ReadAllText(dry.ConfPath));
    }

    [Fact]
    public async Task DryRun_RefusedEdit_PrintsNoDiffAndExitsOne()
    {
        using var box = new CliSandbox(Conf);

        var run = await box.RunAsync("pool", "add", "fast", "-o", "dir_path=fast", "--dry-run").ExitsWith(1);
        Assert.Equal("", run.Stdout);
        Assert.Single(run.StderrLines);
    }

    [Fact]
    public async Task DryRun_NoChange_PrintsNothing()
    {
        using var box = new CliSandbox(Conf);

        var run = await box.RunAsync("pool", "set", "vmstore", "-o", "dir_path=/mnt/vmstore", "--dry-run");

        Assert.Equal(new CliResult(0, "", ""), run);
    }

    private static int Git(string directory, params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var git = Process.Start(psi)!;
        var err = git.StandardError.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', args)}: {err}");
        return git.ExitCode;
    }
}
