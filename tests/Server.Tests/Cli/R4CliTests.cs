using System.Text.Json;
using System.Text.RegularExpressions;

namespace QubesPoolConsole.Server.Tests.Cli;

/// <summary>The command line over qubesd, run as a process against the R4 sandbox in a temp data folder.</summary>
public class R4CliTests
{
    [Fact]
    public async Task Pools_R4Sandbox_ListsTheSeededPoolsWithUsageAndDefaults()
    {
        using var box = new R4CliSandbox();

        var run = await box.RunAsync("pools").ExitsWith(0);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^NAME\s+DRIVER\s+SIZE\s+USED\s+USE\s+LEVEL\s+VOLUMES\s+DEFAULT FOR\s+LOCATION$", lines[0]);
        var varlib = Assert.Single(lines, l => l.StartsWith("varlibqubes ", StringComparison.Ordinal));
        Assert.Matches(@"^varlibqubes\s+file\s+[\d.]+ GiB\s+[\d.]+ GiB\s+[\d.]+%\s+ok\s+2\s+-\s+" + Regex.Escape(Path.Combine(box.DataDirectory, "r4")) + "$", varlib);
        var vmPool = Assert.Single(lines, l => l.StartsWith("vm-pool ", StringComparison.Ordinal));
        Assert.Matches(@"\slvm_thin\s.*\sdefault,private,root,volatile\s+qubes_dom0/vm-pool$", vmPool);
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^linux-kernel\s+linux-kernel\s+-\s+-\s+-\s+-\s+\d+\s+kernel\s"));
    }

    [Fact]
    public async Task PoolsJson_R4Sandbox_GivesEachPoolFieldByField()
    {
        using var box = new R4CliSandbox("--r4-release", "4.2");

        var run = await box.RunAsync("pools", "--json").ExitsWith(0);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal(["backend", "socket", "description", "error", "pools", "problems"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("qubesd", root.GetProperty("backend").GetString());
        Assert.Equal(Path.Combine(box.DataDirectory, "r4", "qubesd.sock"), root.GetProperty("socket").GetString());
        Assert.Equal("qubesd sandbox (R4.2)", root.GetProperty("description").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("error").ValueKind);
        var pools = root.GetProperty("pools").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal(["linux-kernel", "varlibqubes", "vm-pool"], pools.Keys.Order());
        var varlib = pools["varlibqubes"];
        Assert.Equal(["name", "driver", "location", "config", "size", "used", "fraction", "level", "metadata", "includedIn", "defaultFor", "volumes", "error"],
            varlib.EnumerateObject().Select(p => p.Name));
        Assert.Equal("file", varlib.GetProperty("driver").GetString());
        Assert.Equal(Path.Combine(box.DataDirectory, "r4"), varlib.GetProperty("config").GetProperty("dir_path").GetString());
        Assert.True(varlib.GetProperty("size").GetInt64() >= varlib.GetProperty("used").GetInt64());
        Assert.Equal(2, varlib.GetProperty("volumes").GetInt32());
        var vmPool = pools["vm-pool"];
        Assert.Equal(["default_pool", "default_pool_private", "default_pool_root", "default_pool_volatile"],
            vmPool.GetProperty("defaultFor").EnumerateArray().Select(p => p.GetString()).Order());
        Assert.Equal(JsonValueKind.Object, vmPool.GetProperty("metadata").ValueKind);
    }

    [Fact]
    public async Task PoolAdd_DryRunThenForReal_PrintsThePlanChangesNothingThenAddsThePool()
    {
        using var box = new R4CliSandbox();
        var dir = box.PoolDir("ssd");
        await box.RunAsync("pools"); // seeds the stand-in
        var before = File.ReadAllText(box.QubesXml);

        var dry = await box.RunAsync("pool", "add", "ssd", "file", "-o", "dir_path=" + dir, "--dry-run");

        Assert.True(dry.ExitCode == 0, dry.ToString());
        Assert.Contains($"  qvm-pool add ssd file -o dir_path={dir}\n", dry.Stdout);
        Assert.Contains("  1. admin.pool.Add+file dom0\n", dry.Stdout);
        Assert.Contains($"     payload: name=ssd\\ndir_path={dir}\\n\n", dry.Stdout);
        Assert.Contains("\nSide effects:\n  1. qubesd creates the directory " + dir, dry.Stdout);
        Assert.Contains("--- a/pools.xml\n+++ b/pools.xml\n", dry.Stdout);
        Assert.Contains($"+  <pool name=\"ssd\" driver=\"file\" dir_path=\"{dir}\" ephemeral_volatile=\"False\" revisions_to_keep=\"1\"/>\n", dry.Stdout);
        Assert.Equal(before, File.ReadAllText(box.QubesXml));
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir));
        Assert.DoesNotContain("\nssd ", (await box.RunAsync("pools")).Stdout);

        var add = await box.RunAsync("pool", "add", "ssd", "file", "-o", "dir_path=" + dir);

        Assert.True(add.ExitCode == 0, add.ToString());
        Assert.Equal($"step 1 ran: qvm-pool add ssd file -o dir_path={dir}\n", add.Stdout);
        Assert.True(Directory.Exists(Path.Combine(dir, "appvms")), "qubesd's file driver creates appvms/");
        var listed = await box.RunAsync("pools");
        Assert.Matches(@"\nssd\s+file\s+[\d.]+ \w+\s+[\d.]+ \w+\s+[\d.]+%\s+\w+\s+0\s+-\s+" + Regex.Escape(dir) + "\n", listed.Stdout);

        // The dry run is not journalled; the apply is, in the journal storage.conf applies use.
        var journal = File.ReadAllLines(Path.Combine(box.DataDirectory, "state", "audit.jsonl"));
        var entry = JsonDocument.Parse(Assert.Single(journal)).RootElement;
        Assert.Equal("cli", entry.GetProperty("session").GetString());
        Assert.Equal($"qvm-pool add ssd file -o dir_path={dir}", entry.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task PoolSet_RevisionsToKeep_IsSentAndListed()
    {
        using var box = new R4CliSandbox();
        var dir = box.PoolDir("ssd");
        Assert.Equal(0, (await box.RunAsync("pool", "add", "ssd", "file", "-o", "dir_path=" + dir)).ExitCode);

        var set = await box.RunAsync("pool", "set", "ssd", "-o", "revisions_to_keep=0");

        Assert.True(set.ExitCode == 0, set.ToString());
        Assert.Equal("step 1 ran: qvm-pool set ssd -o revisions_to_keep=0\n", set.Stdout);
        using var json = JsonDocument.Parse((await box.RunAsync("pools", "--json")).Stdout);
        var ssd = json.RootElement.GetProperty("pools").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "ssd");
        Assert.Equal("0", ssd.GetProperty("config").GetProperty("revisions_to_keep").GetString());
    }

    [Fact]
    public async Task PoolSet_DryRun_PrintsTheSetCallAndItsSideEffect()
    {
        using var box = new R4CliSandbox();

        var dry = await box.RunAsync("pool", "set", "vm-pool", "-o", "ephemeral_volatile=yes", "--dry-run");

        Assert.True(dry.ExitCode == 0, dry.ToString());
        Assert.Contains("  qvm-pool set vm-pool -o ephemeral_volatile=True\n", dry.Stdout);
        Assert.Contains("  1. admin.pool.Set.ephemeral_volatile+vm-pool dom0\n     payload: True\n", dry.Stdout);
        Assert.Contains("next start", dry.Stdout);
    }

    [Fact]
    public async Task PoolRemove_VolumesLiveInThePool_IsRefusedBeforeSendingNamingTheVm()
    {
        using var box = new R4CliSandbox();
        await box.RunAsync("pools");
        var before = File.ReadAllText(box.QubesXml);

        var run = await box.RunAsync("pool", "remove", "varlibqubes").ExitsWith(1);
        Assert.Equal("", run.Stdout);
        var error = Assert.Single(run.StderrLines);
        Assert.StartsWith("error: Pool varlibqubes holds 2 volumes of 1 VM: vault (private, volatile).", error);
        Assert.EndsWith("[r4-pool-has-volumes]", error);
        Assert.Equal(before, File.ReadAllText(box.QubesXml));
    }

    [Fact]
    public async Task PoolRemove_UnusedPool_RunsAndTheListNoLongerHasIt()
    {
        using var box = new R4CliSandbox();
        var dir = box.PoolDir("spare");
        Assert.Equal(0, (await box.RunAsync("pool", "add", "spare", "file-reflink", "-o", "dir_path=" + dir, "-o", "setup_check=no")).ExitCode);

        var run = await box.RunAsync("pool", "remove", "spare").ExitsWith(0);
        Assert.Equal("step 1 ran: qvm-pool remove spare\n", run.Stdout);
        Assert.DoesNotContain("\nspare ", (await box.RunAsync("pools")).Stdout);
    }

    [Fact]
    public async Task PoolAdd_MistypedOption_IsRefusedBeforeSendingWithTheSentence()
    {
        using var box = new R4CliSandbox();
        var dir = box.PoolDir("ssd");
        await box.RunAsync("pools");
        var before = File.ReadAllText(box.QubesXml);

        var run = await box.RunAsync("pool", "add", "ssd", "file", "-o", "dir_path=" + dir, "-o", "revisons_to_keep=1").ExitsWith(1);
        Assert.Equal("", run.Stdout);
        Assert.Contains("error: 'revisons_to_keep' is not an option of the file driver (its options: dir_path, revisions_to_keep, ephemeral_volatile); "
            + "qubesd answers 'unexpected driver options: revisons_to_keep'. [r4-option-unknown]", run.StderrLines);
        Assert.Equal(before, File.ReadAllText(box.QubesXml));
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir));
    }

    [Fact]
    public async Task Prefs_DefaultPoolThenReset_ShowsThePropertyCallAndApplies()
    {
        using var box = new R4CliSandbox();
        var dir = box.PoolDir("ssd");
        Assert.Equal(0, (await box.RunAsync("pool", "add", "ssd", "file", "-o", "dir_path=" + dir)).ExitCode);

        var dry = await box.RunAsync("prefs", "default_pool", "ssd", "--dry-run");
        Assert.True(dry.ExitCode == 0, dry.ToString());
        Assert.Contains("  qubes-prefs default_pool ssd\n", dry.Stdout);
        Assert.Contains("  1. admin.property.Set+default_pool dom0\n     payload: ssd\n", dry.Stdout);
        Assert.Contains("+  <property name=\"default_pool\">ssd</property>\n", dry.Stdout);

        var set = await box.RunAsync("prefs", "default_pool_private", "ssd");
        Assert.True(set.ExitCode == 0, set.ToString());
        Assert.Equal("step 1 ran: qubes-prefs default_pool_private ssd\n", set.Stdout);
        Assert.Matches(@"\nssd\s.*\sprivate\s", (await box.RunAsync("pools")).Stdout);

        var reset = await box.RunAsync("prefs", "--reset", "default_pool_private");
        Assert.True(reset.ExitCode == 0, reset.ToString());
        Assert.Equal("step 1 ran: qubes-prefs --default default_pool_private\n", reset.Stdout);
    }

    [Fact]
    public async Task PoolAdd_QubesdRefusesTheCall_ReportsTheFailedStepAndExitsOne()
    {
        using var box = new R4CliSandbox();
        // qubesd creates no parent folders: the call is sent (the console cannot see qubesd's file system) and refused.
        var dir = Path.Combine(box.Root, "missing", "x");

        var run = await box.RunAsync("pool", "add", "x", "file", "-o", "dir_path=" + dir).ExitsWith(1);
        Assert.Equal($"step 1 failed: qvm-pool add x file -o dir_path={dir}: qubesd refused the call — see `journalctl -u qubesd`\n", run.Stdout);
        Assert.Contains(run.StderrLines, l => l.StartsWith("error: Step 1 failed (qvm-pool add x file", StringComparison.Ordinal));
        Assert.DoesNotContain("\nx ", (await box.RunAsync("pools")).Stdout);
    }

    [Fact]
    public async Task PoolSet_RevisionsMinusOneOnR42Sandbox_IsRefusedBeforeSending()
    {
        using var box = new R4CliSandbox("--r4-release", "4.2");

        var run = await box.RunAsync("pool", "set", "vm-pool", "-o", "revisions_to_keep=-1").ExitsWith(1);
        Assert.Equal("", run.Stdout);
        Assert.Equal(["error: The value of revisions_to_keep is -1, which Qubes R4.2 refuses (only R4.3 takes -1, meaning no snapshots); use 0 or more. [r4-revisions-negative-r42]"],
            run.StderrLines);
    }

    [Fact]
    public async Task R32OnlyCommand_OverQubesd_SaysItBelongsToStorageConf()
    {
        using var box = new R4CliSandbox();

        var run = await box.RunAsync("check").ExitsWith(64);
        Assert.Equal("error: 'check' is a command of the storage.conf backend (Qubes R3.2); it does not exist over qubesd.\n", run.Stderr);
    }

    [Fact]
    public async Task PoolAdd_R32Grammar_WithoutR4_PointsAtTheQubesdBackend()
    {
        using var box = new R4CliSandbox();

        var run = await box.Cli.RunAsync("prefs", "default_pool", "x", "--data", box.DataDirectory).ExitsWith(64);
        Assert.Equal("error: 'prefs' is a command of the qubesd backend (Qubes R4); add '--backend qubesd' (or '--r4' for the R4 sandbox).\n", run.Stderr);
    }

    [Fact]
    public async Task Yes_OverQubesd_IsRefusedAsUsage()
    {
        using var box = new R4CliSandbox();

        var run = await box.RunAsync("pool", "remove", "x", "--yes").ExitsWith(64);
        Assert.StartsWith("error: 'pool remove' over qubesd needs no --yes", run.Stderr);
    }

    [Fact]
    public async Task Help_WithR4_ListsTheQubesdCommands()
    {
        using var box = new R4CliSandbox();

        var run = await box.RunAsync("--help").ExitsWith(0);
        Assert.Contains("Manages Qubes OS R4.1+ storage pools through qubesd's Admin API", run.Stdout);
        Assert.Matches(@"\n  pool add NAME DRIVER\s+Add a pool", run.Stdout);
        Assert.Matches(@"\n  prefs PROPERTY POOL\s+Point default_pool", run.Stdout);
        Assert.DoesNotContain("pool unset", run.Stdout);
        var add = await box.RunAsync("pool", "add", "--help");
        Assert.Contains("Usage: qubes-pool pool add NAME DRIVER [-o key=value ...] [--dry-run] [--backend qubesd] [--qubesd-socket PATH]", add.Stdout);
    }

    [Fact]
    public async Task BadBackendSetting_IsAUsageErrorWithTheSentence()
    {
        using var box = new R4CliSandbox();

        var run = await box.Cli.RunAsync("pools", "--backend", "r5").ExitsWith(64);
        Assert.Equal("error: Console:Backend = \"r5\": must be one of auto, storage-conf, qubesd.\n", run.Stderr);
    }

    [Fact]
    public async Task Pools_NoQubesdOnTheSocket_ExitsTwoNamingTheSocket()
    {
        using var box = new R4CliSandbox();
        Directory.CreateDirectory(Path.Combine(box.Root, "state"));
        var socket = Path.Combine(box.Root, "none.sock");

        var run = await box.Cli.RunAsync("pools", "--mode", "dom0", "--backend", "qubesd", "--qubesd-socket", socket,
            "--state", Path.Combine(box.Root, "state"));

        Assert.Equal(2, run.ExitCode);
        var error = Assert.Single(run.StderrLines);
        Assert.StartsWith("error: The pool list could not be read: ", error);
        Assert.EndsWith($"(qubesd at {socket})", error);
    }
}
