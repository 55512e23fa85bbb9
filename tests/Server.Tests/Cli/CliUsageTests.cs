namespace QubesPoolConsole.Server.Tests.Cli;

/// <summary>Help and mistakes on the command line: one line on stderr, exit code 64.</summary>
public class CliUsageTests
{
    [Theory]
    [InlineData(new[] { "pools", "--jsn" }, "Unknown option '--jsn'")]
    [InlineData(new[] { "pool" }, "'pool' needs one of add, set, unset or remove")]
    [InlineData(new[] { "pool", "rename", "a" }, "There is no command 'pool rename'")]
    [InlineData(new[] { "pool", "add" }, "'pool add' needs NAME")]
    [InlineData(new[] { "pool", "unset", "vmstore" }, "'pool unset' needs KEY")]
    [InlineData(new[] { "pool", "set", "vmstore" }, "'pool set' needs at least one -o key=value")]
    [InlineData(new[] { "pool", "add", "x", "-o", "dir_path" }, "'-o dir_path' is not of the form key=value")]
    [InlineData(new[] { "pool", "add", "x", "-o", "a=1", "-o", "a=2" }, "The option 'a' is given twice")]
    [InlineData(new[] { "pool", "remove", "x", "y" }, "Unexpected argument 'y'")]
    [InlineData(new[] { "check", "--dry-run" }, "'check' never writes")]
    [InlineData(new[] { "pool", "remove", "x", "--json" }, "'pool remove' has no --json output")]
    [InlineData(new[] { "pools", "--conf" }, "'--conf' needs a value")]
    [InlineData(new[] { "pools", "--mode", "qubes" }, "Console:Mode = \"qubes\": must be one of Auto, Sandbox, Dom0")]
    [InlineData(new[] { "pools", "--config", "/nonexistent/settings.json" }, "Console:ConfigFile = \"/nonexistent/settings.json\": the file")]
    public async Task WrongCommandLine_SaysWhatIsWrongInOneLineAndExits64(string[] args, string message)
    {
        using var box = new CliSandbox(CliSandbox.ShippedWithVmstore);
        var stamp = box.Stamp();

        var run = await box.Cli.RunAsync(args).ExitsWith(64);
        Assert.Equal("", run.Stdout);
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith("error: " + message, line);
        Assert.Equal(stamp, box.Stamp());
    }

    [Fact]
    public async Task BadSettings_AreRefusedByTheServersOwnCheck_OneLineEach()
    {
        using var box = new CliSandbox(CliSandbox.ShippedWithVmstore);

        var run = await box.Cli.RunAsync("check", "--mode", "dom0", "--state", "/nonexistent/qpc/state", "--conf", box.ConfPath).ExitsWith(64);
        Assert.Equal("", run.Stdout);
        Assert.All(run.StderrLines, l => Assert.StartsWith("error: Console:", l));
        Assert.Contains("error: Console:StateDirectory = \"/nonexistent/qpc/state\": the folder /nonexistent/qpc for the state directory does not exist.", run.StderrLines);
    }

    [Theory]
    [InlineData(new[] { "--help" }, "Usage: qubes-pool [COMMAND]")]
    [InlineData(new[] { "help" }, "Usage: qubes-pool [COMMAND]")]
    [InlineData(new[] { "pools", "--help" }, "Usage: qubes-pool pools [--json]")]
    [InlineData(new[] { "check", "-h" }, "Usage: qubes-pool check [--json]")]
    [InlineData(new[] { "pool", "--help" }, "Usage: qubes-pool pool COMMAND")]
    [InlineData(new[] { "pool", "add", "--help" }, "Usage: qubes-pool pool add NAME [-o key=value ...] [--dry-run] [--yes]")]
    [InlineData(new[] { "pool", "set", "x", "--help" }, "Usage: qubes-pool pool set NAME -o key=value [-o ...] [--dry-run] [--yes]")]
    [InlineData(new[] { "help", "pool", "unset" }, "Usage: qubes-pool pool unset NAME KEY [--dry-run] [--yes]")]
    [InlineData(new[] { "pool", "remove", "--help" }, "Usage: qubes-pool pool remove NAME [--dry-run] [--yes]")]
    public async Task Help_PrintsTheUsageOnStdoutAndExitsZero(string[] args, string usage)
    {
        using var box = new CliSandbox();

        var run = await box.Cli.RunAsync(args).ExitsWith(0);
        Assert.Equal("", run.Stderr);
        Assert.StartsWith(usage, run.Stdout);
        Assert.Contains("--conf PATH", run.Stdout);
        Assert.Contains("--qubes-xml PATH", run.Stdout);
    }
}
