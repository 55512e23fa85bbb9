namespace QubesPoolConsole.Core.Tests.Qubesd.Pools;

/// <summary>Properties of plans over random batches: no batch makes the planner throw, and what it renders agrees with itself.</summary>
public class R4PlanPropertyTests
{
    private static readonly string[] Names = ["ssd", "-dash", "vm-pool", "spare", "linux-kernel", "default", "bad name", "", "n.1", "varlibqubes"];
    private static readonly string[] Drivers = ["file", "file-reflink", "lvm_thin", "zfs", "linux-kernel", "callback", "file_reflink"];
    private static readonly string[] Keys = ["dir_path", "revisions_to_keep", "ephemeral_volatile", "setup_check", "volume_group", "thin_pool", "container", "conf_id", "snap_on_start_forensics", "name", "x"];
    private static readonly string[] Values = ["/srv/a b", "/srv/it's", "1", "2", "-1", "True", "no", "vg", "tank/q", "rel", "", "a\nb", "/srv/ö", "/srv/$x"];
    private static readonly string[] Properties = [.. R4DefaultPools.Properties, "default_netvm"];

    private static Gen<string> Pick(string[] items) => Gen.Int[0, items.Length - 1].Select(i => items[i]);

    private static readonly Gen<R4PoolChange> Change = Gen.Frequency(
        (3, Gen.Select(Pick(Names), Pick(Drivers), Gen.Select(Pick(Keys), Pick(Values)).Array[0, 4],
            (n, d, o) => R4PoolChange.AddPool(R4PoolAddRequest.Of(n, d, o)))),
        (2, Gen.Select(Pick(Names), Pick(Keys), Pick(Values), R4PoolChange.SetPoolOption)),
        (2, Pick(Names).Select(R4PoolChange.RemovePool)),
        (2, Gen.Select(Pick(Properties), Pick(Names), R4PoolChange.SetDefaultPool)),
        (1, Pick(Properties).Select(R4PoolChange.ResetDefaultPool)));

    private static readonly string[] OddPaths = ["/srv/a b", "/srv/it's", "/srv/$x", "/srv/p", "/srv/\"q\"", "/srv/*"];

    // Adds that pass: every driver with its required options, odd but valid values, names of qubesd's charset.
    private static readonly Gen<R4PoolChange> ValidAdd = Gen.Select(
        Gen.String[Gen.Char["abcXYZ019-_."], 1, 12].Where(n => !R4Fixtures.Table.Contains(n) && n != "default"),
        Gen.Int[0, 5], Pick(OddPaths), Gen.Bool,
        (name, d, path, extra) => R4PoolChange.AddPool(d switch
        {
            0 => R4PoolAddRequest.Of(name, "file", ("dir_path", path)),
            1 => extra ? R4PoolAddRequest.Of(name, "file-reflink", ("dir_path", path), ("setup_check", "yes")) : R4PoolAddRequest.Of(name, "file-reflink", ("dir_path", path)),
            2 => R4PoolAddRequest.Of(name, "lvm_thin", ("volume_group", "vg"), ("thin_pool", "tp"), ("revisions_to_keep", extra ? "2" : "0")),
            3 => R4PoolAddRequest.Of(name, "zfs", ("container", "tank/my q"), ("ephemeral_volatile", extra ? "on" : "off")),
            4 => R4PoolAddRequest.Of(name, "linux-kernel", ("dir_path", path)),
            _ => R4PoolAddRequest.Of(name, "callback", ("conf_id", path)),
        }));

    private static readonly Gen<(R4Release, R4PoolChange[])> Batch = Gen.Select(Gen.Enum<R4Release>(), Change.Array[0, 6]);

    [Fact]
    public void AnyBatch_PlansWithoutThrowing_AndAllowedPlansAreSendable()
    {
        Batch.Sample((release, changes) =>
        {
            var plan = R4Planner.Plan(R4Fixtures.State(release), changes);
            Assert.Equal(changes.Length, plan.Steps.Count);
            Assert.Equal(R4PoolXml.Render(plan.Final.Pools, plan.Final.Defaults), plan.After);
            Assert.All(plan.Findings, f => Assert.False(string.IsNullOrWhiteSpace(f.Message)));
            Assert.All(plan.Findings, f => Assert.NotNull(f.Step ?? (f.Code == R4Codes.BatchEmpty ? 0 : null)));
            if (plan.IsRefused) return;
            foreach (var step in plan.Steps)
            {
                Assert.True(step.Call.Payload.All(char.IsAscii));
                Assert.True(step.Call.RequestBytes <= PlannedCall.MaxRequestBytes);
                Assert.Equal(step.Argv, ShellSplit.Split(step.Command));
            }
        }, iter: 3000);
    }

    [Fact]
    public void AllowedAdd_CommandParsedAsQvmPoolDoes_SendsTheSamePayload()
    {
        int checkedSteps = 0;
        Gen.Select(Gen.Enum<R4Release>(), Gen.Frequency((3, ValidAdd), (1, Change)).Array[1, 4]).Sample((release, changes) =>
        {
            var plan = R4Planner.Plan(R4Fixtures.State(release), changes);
            foreach (var step in plan.Steps.Where(s => s.Change.Kind == R4ChangeKind.AddPool && s.Findings.All(f => !f.IsError)))
            {
                var (name, driver, options) = ParseQvmPoolAdd(ShellSplit.Split(step.Command));
                Assert.Equal(step.Call, R4Calls.Add(name, driver, options));
                Interlocked.Increment(ref checkedSteps);
            }
        }, iter: 3000);
        Assert.True(checkedSteps > 1000, $"only {checkedSteps} allowed adds were generated");
    }

    /// <summary>What qvm_pool.py's argparse makes of <c>qvm-pool add …</c>: positionals, repeated -o split at the first '=' into a dict.</summary>
    private static (string Name, string Driver, Dictionary<string, string> Options) ParseQvmPoolAdd(List<string> argv)
    {
        Assert.Equal(["qvm-pool", "add"], argv.Take(2));
        var positional = new List<string>();
        var options = new Dictionary<string, string>();
        bool ended = false;
        for (int i = 2; i < argv.Count; i++)
        {
            if (!ended && argv[i] == "--") { ended = true; continue; }
            if (!ended && argv[i] == "-o")
            {
                var kv = argv[++i].Split('=', 2);
                options[kv[0]] = kv[1];
                continue;
            }
            Assert.False(!ended && argv[i].StartsWith('-'), $"argparse would read {argv[i]} as an option");
            positional.Add(argv[i]);
        }
        Assert.Equal(2, positional.Count);
        return (positional[0], positional[1], options);
    }
}
