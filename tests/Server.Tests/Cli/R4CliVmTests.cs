using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace QubesPoolConsole.Server.Tests.Cli;

/// <summary>
/// <c>vms</c> and <c>vm create</c> over qubesd, run as a process against the R4 sandbox in a temp data folder. The
/// sandbox seeds a VM named work, so the new VM is called mail.
/// </summary>
public class R4CliVmTests
{
    private const string CreateMail = "qvm-create --class AppVM --label blue --pool private=ssd --pool volatile=varlibqubes mail";

    [Fact]
    public async Task VmsJson_GivesEveryVmsVolumesAsTheSandboxHoldsThem()
    {
        using var box = new R4CliSandbox();

        var run = await box.RunAsync("vms", "--json").ExitsWith(0);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal(["backend", "socket", "description", "error", "vms"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("error").ValueKind);
        var vms = root.GetProperty("vms").EnumerateArray().ToDictionary(v => v.GetProperty("name").GetString()!);
        Assert.Equal("AdminVM", vms["dom0"].GetProperty("class").GetString());
        Assert.Equal("TemplateVM", vms["fedora-42"].GetProperty("class").GetString());

        var vault = Volumes(vms["vault"]);
        Assert.Equal(["name", "pool", "size", "usage", "vid", "revisions_to_keep", "source", "rw", "error"],
            vault["private"].EnumerateObject().Select(p => p.Name));
        Assert.Equal("varlibqubes", vault["private"].GetProperty("pool").GetString());
        Assert.Equal(2L << 30, vault["private"].GetProperty("size").GetInt64());
        Assert.Equal(1, vault["private"].GetProperty("revisions_to_keep").GetInt64());
        Assert.True(vault["private"].GetProperty("rw").GetBoolean());
        Assert.False(vault["kernel"].GetProperty("rw").GetBoolean());
        Assert.Equal(Volumes(vms["fedora-42"])["root"].GetProperty("vid").GetString(), vault["root"].GetProperty("source").GetString());

        // Every volume listed agrees with the stand-in's qubes.xml on pool, vid and (where it records one) size.
        var held = XDocument.Load(box.QubesXml).Descendants("domain").SelectMany(d => d.Descendants("volume").Select(v => (
            Vm: d.Descendants("property").Single(p => (string?)p.Attribute("name") == "name").Value, Volume: v)));
        int compared = 0;
        foreach (var (vm, volume) in held)
        {
            var listed = Volumes(vms[vm])[(string)volume.Attribute("name")!];
            Assert.Equal((string?)volume.Attribute("pool"), listed.GetProperty("pool").GetString());
            Assert.Equal((string?)volume.Attribute("vid"), listed.GetProperty("vid").GetString());
            if ((long?)volume.Attribute("size") is { } size) Assert.Equal(size, listed.GetProperty("size").GetInt64());
            compared++;
        }
        Assert.True(compared >= 20, $"only {compared} volumes in qubes.xml");
        Assert.Equal(compared, vms.Values.Sum(v => v.GetProperty("volumes").GetArrayLength()));
    }

    [Fact]
    public async Task Vms_Text_IsATableOfVmClassVolumePoolSizeUsage()
    {
        using var box = new R4CliSandbox();

        var lines = (await box.RunAsync("vms").ExitsWith(0)).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^VM\s+CLASS\s+VOLUME\s+POOL\s+SIZE\s+USAGE$", lines[0]);
        Assert.Matches(@"^dom0\s+AdminVM\s+-\s+-\s+-\s+-$", lines[1]);
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^vault\s+AppVM\s+private\s+varlibqubes\s+2\.0 GiB\s+0 B$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^vault\s+AppVM\s+volatile\s+varlibqubes\s+10\.0 GiB\s+0 B$"));
    }

    [Fact]
    public async Task VmsJson_NoQubesdOnTheSocket_ExitsTwoWithTheErrorInTheObject()
    {
        using var box = new R4CliSandbox();
        Directory.CreateDirectory(Path.Combine(box.Root, "state"));
        var socket = Path.Combine(box.Root, "none.sock");

        var run = await box.Cli.RunAsync("vms", "--json", "--mode", "dom0", "--backend", "qubesd", "--qubesd-socket", socket,
            "--state", Path.Combine(box.Root, "state")).ExitsWith(2);

        using var json = JsonDocument.Parse(run.Stdout);
        Assert.StartsWith("The VM list could not be read: ", json.RootElement.GetProperty("error").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("vms").GetArrayLength());
    }

    [Fact]
    public async Task VmCreate_DryRunThenForReal_PrintsThePlanSendsNothingThenCreatesInThePoolsGiven()
    {
        using var box = new R4CliSandbox();
        var dir = box.PoolDir("ssd");
        await box.RunAsync("pool", "add", "ssd", "file", "-o", "dir_path=" + dir).ExitsWith(0);
        var before = File.ReadAllText(box.QubesXml);

        var dry = await box.RunAsync("vm", "create", "mail", "--label", "blue", "--pool", "private=ssd", "--pool", "volatile=varlibqubes", "--dry-run").ExitsWith(0);

        Assert.Contains($"Command (what you could type instead):\n  {CreateMail}\n", dry.Stdout);
        Assert.Contains("\nAdmin API call:\n  1. admin.vm.CreateInPool.AppVM+ dom0\n     payload: name=mail label=blue pool:private=ssd pool:volatile=varlibqubes\n", dry.Stdout);
        Assert.Matches(@"\n  private\s+ssd\s+2\.0 GiB\s+[\d.]+ \w+\s+given\n", dry.Stdout);
        Assert.Matches(@"\n  volatile\s+varlibqubes\s+10\.0 GiB\s+[\d.]+ \w+\s+given\n", dry.Stdout);
        Assert.Matches(@"\n  root\s+\S+\s+20\.0 GiB\s+.*stays with its template fedora-42 \(snapshot\)\n", dry.Stdout);
        Assert.Equal(before, File.ReadAllText(box.QubesXml));
        Assert.False(Directory.Exists(Path.Combine(dir, "appvms", "mail")));
        Assert.DoesNotContain(VmNames(await box.RunAsync("vms", "--json")), n => n == "mail");

        var create = await box.RunAsync("vm", "create", "mail", "--label", "blue", "--pool", "private=ssd", "--pool", "volatile=varlibqubes").ExitsWith(0);

        Assert.Contains($"\n$ {CreateMail}\n", create.Stdout);
        Assert.Contains("\nVM mail was created.\n", create.Stdout);
        Assert.Matches(@"\n  private\s+ssd\s+2\.0 GiB\s+appvms/mail/private\n", create.Stdout);
        Assert.Equal(2L << 30, new FileInfo(Path.Combine(dir, "appvms", "mail", "private.img")).Length);
        using var json = JsonDocument.Parse((await box.RunAsync("vms", "--json").ExitsWith(0)).Stdout);
        var mail = json.RootElement.GetProperty("vms").EnumerateArray().Single(v => v.GetProperty("name").GetString() == "mail");
        Assert.Equal("AppVM", mail.GetProperty("class").GetString());
        var volumes = Volumes(mail);
        Assert.Equal(("ssd", 2L << 30), (volumes["private"].GetProperty("pool").GetString(), volumes["private"].GetProperty("size").GetInt64()));
        Assert.Equal(("varlibqubes", 10L << 30), (volumes["volatile"].GetProperty("pool").GetString(), volumes["volatile"].GetProperty("size").GetInt64()));
        Assert.Equal("linux-kernel", volumes["kernel"].GetProperty("pool").GetString());
    }

    [Fact]
    public async Task VmCreate_ExistingName_IsRefusedWithThePlannersMessageAndSendsNothing()
    {
        using var box = new R4CliSandbox();
        await box.RunAsync("pools"); // seeds the stand-in
        var before = File.ReadAllText(box.QubesXml);

        var run = await box.RunAsync("vm", "create", "work", "--label", "blue", "-P", "varlibqubes").ExitsWith(1);

        Assert.Equal("", run.Stdout);
        Assert.Equal(["error: VM work already exists; choose another name. [r4-vm-exists]"], run.StderrLines);
        Assert.Equal(before, File.ReadAllText(box.QubesXml));
    }

    [Theory]
    [InlineData(new[] { "vm", "create", "mail" }, "error: 'vm create' needs --label LABEL, for example '--label blue'; see 'qubes-pool vm create --help'.")]
    [InlineData(new[] { "vm", "create", "mail", "--label", "blue", "-P", "ssd", "--pool", "private=varlibqubes" },
        "error: -P and --pool do not go together: give one pool for every volume (-P POOL) or pools per volume (--pool VOLUME=POOL); see 'qubes-pool vm create --help'.")]
    [InlineData(new[] { "vm", "create", "mail", "--label", "blue", "--pool", "private" }, "error: '--pool private' is not of the form VOLUME=POOL; write for example '--pool private=vm-pool'.")]
    [InlineData(new[] { "vm", "create", "mail", "--label", "blue", "--pool", "private=a", "--pool", "private=b" }, "error: The volume 'private' is given twice with --pool; give each volume once.")]
    [InlineData(new[] { "vm", "create", "--label", "blue" }, "error: 'vm create' needs NAME; see 'qubes-pool vm create --help'.")]
    [InlineData(new[] { "vm" }, "error: 'vm' needs create after it, for example 'vm create NAME --label blue'.")]
    [InlineData(new[] { "vms", "--label", "blue" }, "error: 'vms' takes no --label, --class, --template, -P or --pool; see 'qubes-pool vms --help'.")]
    public async Task VmCommandLineMistakes_AreUsageErrorsBeforeAnythingIsSent(string[] args, string error)
    {
        using var box = new R4CliSandbox();
        await box.RunAsync("pools");
        var before = File.ReadAllText(box.QubesXml);

        var run = await box.RunAsync(args).ExitsWith(64);

        Assert.Equal("", run.Stdout);
        Assert.Equal([error], run.StderrLines);
        Assert.Equal(before, File.ReadAllText(box.QubesXml));
    }

    [Fact]
    public async Task Help_ListsVmsAndVmCreateWithTheirUsage()
    {
        using var box = new R4CliSandbox();

        var overview = await box.RunAsync("--help").ExitsWith(0);
        Assert.Matches(@"\n  vms\s+List every VM", overview.Stdout);
        Assert.Matches(@"\n  vm create NAME\s+Create a VM", overview.Stdout);
        var create = await box.RunAsync("vm", "create", "--help").ExitsWith(0);
        Assert.StartsWith("Usage: qubes-pool vm create NAME --label LABEL [--class CLASS] [--template TEMPLATE] [-P POOL | --pool VOLUME=POOL ...] [--dry-run]", create.Stdout);
        Assert.Contains("\n  vm create mail --label blue --pool private=ssd --pool volatile=varlibqubes\n", create.Stdout);
        var group = await box.RunAsync("vm", "--help").ExitsWith(0);
        Assert.StartsWith("Usage: qubes-pool vm COMMAND ...\n\nCommands:\n  vm create NAME ", group.Stdout);
        var vms = await box.RunAsync("help", "vms").ExitsWith(0);
        Assert.StartsWith("Usage: qubes-pool vms [--json]", vms.Stdout);
    }

    [Fact]
    public async Task VmCreate_WithoutR4_PointsAtTheQubesdBackend()
    {
        using var box = new R4CliSandbox();

        var run = await box.Cli.RunAsync("vm", "create", "mail", "--label", "blue", "--data", box.DataDirectory).ExitsWith(64);
        Assert.Equal("error: 'vm' is a command of the qubesd backend (Qubes R4); add '--backend qubesd' (or '--r4' for the R4 sandbox).\n", run.Stderr);
    }

    private static Dictionary<string, JsonElement> Volumes(JsonElement vm)
        => vm.GetProperty("volumes").EnumerateArray().ToDictionary(v => v.GetProperty("name").GetString()!);

    private static IEnumerable<string?> VmNames(CliResult run)
    {
        using var json = JsonDocument.Parse(run.Stdout);
        return [.. json.RootElement.GetProperty("vms").EnumerateArray().Select(v => v.GetProperty("name").GetString())];
    }
}
