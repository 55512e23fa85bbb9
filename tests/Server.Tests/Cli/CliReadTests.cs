using QubesPoolConsole.Server.Cli;

namespace QubesPoolConsole.Server.Tests.Cli;

/// <summary>pools and check in text form, exit codes, and where the files come from.</summary>
public class CliReadTests
{
    [Fact]
    public async Task Pools_ShippedConf_PrintsOneRowPerPoolWithVmCountAndOptions()
    {
        using var box = new CliSandbox(CliSandbox.ShippedWithVmstore).WithQubesDefaultDirPath();
        box.PutVmsInPool("vmstore", "work");

        var run = await box.RunAsync("pools").ExitsWith(0);
        Assert.Equal("", run.Stderr);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal(["NAME", "DRIVER", "VMS", "OPTIONS"], Words(lines[0]));
        Assert.Equal(["default", "xen", "23", "dir_path=/var/lib/qubes/"], Words(lines[1]));
        Assert.Equal(["vmstore", "xen", "1", "dir_path=/mnt/vmstore"], Words(lines[2]));
    }

    [Fact]
    public async Task Check_CleanFile_SaysOkAndExitsZero()
    {
        using var box = new CliSandbox(CliSandbox.ShippedWithVmstore);

        var run = await box.RunAsync("check").ExitsWith(0);
        Assert.Equal($"{box.ConfPath}: OK, 2 pools\n", run.Stdout);
    }

    [Fact]
    public async Task Check_OnlyWarnings_ListsThemAndExitsZero()
    {
        using var box = new CliSandbox("[default]\ndriver=xen\n\n[vmstore]\ndriver=xen\nDir_Path=/mnt/vmstore\n");

        var run = await box.RunAsync("check").ExitsWith(0);
        Assert.StartsWith($"{box.ConfPath}:6: warning: Qubes reads option 'Dir_Path' as 'dir_path'.", run.Stdout);
        Assert.EndsWith($"{box.ConfPath}: OK, 2 pools, 1 warning\n", run.Stdout);
    }

    [Fact]
    public async Task Check_Errors_PrintsFileLineSeverityAndExitsOne()
    {
        using var box = new CliSandbox("[default]\ndriver=xen\n\n[vmstore]\ndriver=xen\n");

        var run = await box.RunAsync("check").ExitsWith(1);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"{box.ConfPath}:4: error: xen pool [vmstore] has no dir_path", lines[0]);
        Assert.Equal($"{box.ConfPath}: 1 error", lines[1]);
    }

    [Fact]
    public async Task Check_MissingFile_ExitsTwo()
    {
        using var box = new CliSandbox();

        var run = await box.RunAsync("check").ExitsWith(2);
        Assert.Contains($"{box.ConfPath}: error: {box.ConfPath} does not exist.", run.Stdout);
        Assert.EndsWith($"{box.ConfPath}: cannot be read\n", run.Stdout);
    }

    [Fact]
    public async Task Pools_MissingFile_SaysSoInOneLineOnStderrAndExitsTwo()
    {
        using var box = new CliSandbox();

        var run = await box.RunAsync("pools").ExitsWith(2);
        Assert.Equal("", run.Stdout);
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith($"error: {box.ConfPath} does not exist.", line);
    }

    [Fact]
    public async Task Pools_UnreadableQubesXml_StillListsThePoolsAndWarns()
    {
        using var box = new CliSandbox(CliSandbox.ShippedWithVmstore, qubesXmlFixture: null);

        var run = await box.RunAsync("pools").ExitsWith(0);
        // The VM counts are unknown, not 0: "0" would say the pool is unused.
        Assert.Matches(@"(?m)^vmstore\s+xen\s+\?\s+dir_path=/mnt/vmstore$", run.Stdout);
        Assert.Matches(@"(?m)^default\s+xen\s+\?\s", run.Stdout);
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith($"warning: {box.QubesXmlPath} does not exist", line);
    }

    [Fact]
    public async Task Pools_NoFileOptions_UsesTheServersSandboxDefaults()
    {
        using var box = new CliSandbox();
        var expected = ConsolePaths.Resolve(new ConsoleOptions { Mode = ConsoleMode.Sandbox, DataDirectory = box.DataDirectory });

        var run = await box.Cli.RunAsync("check");

        // The same sandbox the server would create and use: seeded from the Qubes-shipped file on first use.
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal($"{expected.Conf}: OK, 1 pool\n", run.Stdout);
        Assert.True(File.Exists(expected.QubesXml));
    }

    [Fact]
    public async Task Check_ConfFromEnvironment_IsUsedLikeTheServerDoes()
    {
        using var box = new CliSandbox(CliSandbox.ShippedWithVmstore);
        var psi = box.Cli.StartInfo(["check", "--qubes-xml", box.QubesXmlPath], new Dictionary<string, string> { ["QPC_Console__Conf"] = box.ConfPath });
        using var process = System.Diagnostics.Process.Start(psi)!;
        process.StandardInput.Close();

        var run = await CliProcess.FinishAsync(process);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal($"{box.ConfPath}: OK, 2 pools\n", run.Stdout);
    }

    [Theory]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--conf", "/x/storage.conf" }, false)]
    [InlineData(new[] { "--urls", "http://127.0.0.1:9000" }, false)]
    [InlineData(new[] { "pools" }, true)]
    [InlineData(new[] { "--conf", "/x/storage.conf", "check", "--json" }, true)]
    [InlineData(new[] { "--mode=dom0", "pool", "remove", "x" }, true)]
    [InlineData(new[] { "--help" }, true)]
    public void IsCommand_TellsCommandsFromServerArguments(string[] args, bool isCommand)
    {
        Assert.Equal(isCommand, CliApp.IsCommand(args));
    }

    private static string[] Words(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
