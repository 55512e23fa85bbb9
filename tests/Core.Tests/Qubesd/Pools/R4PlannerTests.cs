using static QubesPoolConsole.Core.Qubesd.Pools.R4Codes;

namespace QubesPoolConsole.Core.Tests.Qubesd.Pools;

/// <summary>A staged batch and its review: steps, commands, calls, side effects, the pool-table diff, batch rules.</summary>
public class R4PlannerTests
{
    private static R4ChangePlan Plan(params R4PoolChange[] changes) => R4Planner.Plan(R4Fixtures.State(), changes);

    [Fact]
    public void Plan_AddSetDefault_ShowsCommandsCallsAndTheTableDiff()
    {
        var plan = Plan(
            R4PoolChange.AddPool(R4PoolAddRequest.Of("ssd", "file-reflink", ("dir_path", "/srv/ssd"), ("revisions_to_keep", "3"))),
            R4PoolChange.SetDefaultPool("default_pool", "ssd"));
        Assert.False(plan.IsRefused);
        Assert.Equal("qvm-pool add ssd file-reflink -o dir_path=/srv/ssd -o revisions_to_keep=3\nqubes-prefs default_pool ssd\n", plan.Script);
        Assert.Equal(new PlannedCall("admin.pool.Add", "file-reflink", "dom0", "name=ssd\ndir_path=/srv/ssd\nrevisions_to_keep=3\n"), plan.Steps[0].Call);
        Assert.Equal(new PlannedCall("admin.property.Set", "default_pool", "dom0", "ssd"), plan.Steps[1].Call);
        Assert.Equal(
            "--- a/pools.xml\n" +
            "+++ b/pools.xml\n" +
            "@@ -1,10 +1,11 @@\n" +
            " <pools>\n" +
            "   <pool name=\"linux-kernel\" driver=\"linux-kernel\" dir_path=\"/var/lib/qubes/vm-kernels\"/>\n" +
            "   <pool name=\"spare\" driver=\"file-reflink\" dir_path=\"/mnt/spare\" ephemeral_volatile=\"False\" revisions_to_keep=\"1\"/>\n" +
            "+  <pool name=\"ssd\" driver=\"file-reflink\" dir_path=\"/srv/ssd\" ephemeral_volatile=\"False\" revisions_to_keep=\"3\"/>\n" +
            "   <pool name=\"varlibqubes\" driver=\"file\" dir_path=\"/var/lib/qubes\" ephemeral_volatile=\"False\" revisions_to_keep=\"1\"/>\n" +
            "   <pool name=\"vm-pool\" driver=\"lvm_thin\" ephemeral_volatile=\"False\" revisions_to_keep=\"2\" thin_pool=\"vm-pool\" volume_group=\"qubes_dom0\"/>\n" +
            " </pools>\n" +
            " <properties>\n" +
            "-  <property name=\"default_pool\">vm-pool</property>\n" +
            "+  <property name=\"default_pool\">ssd</property>\n" +
            "   <property name=\"default_pool_kernel\">linux-kernel</property>\n" +
            " </properties>\n",
            plan.Diff);
        Assert.Equal("ssd", plan.Final.Defaults["default_pool_private"].Value);
        Assert.Contains("private, root, volatile volumes from ssd", Assert.Single(plan.Steps[1].SideEffects));
    }

    [Fact]
    public void Plan_EveryStepFinding_CarriesItsStepNumber()
    {
        var plan = Plan(
            R4PoolChange.SetPoolOption("spare", "revisions_to_keep", "4"),
            R4PoolChange.SetPoolOption("varlibqubes", "revisions_to_keep", "5"));
        var f = Assert.Single(plan.Findings);
        Assert.Equal((RevisionsAboveLimit, 2), (f.Code, f.Step));
        Assert.True(plan.IsRefused);
        Assert.StartsWith("error in step 2:", f.ToString());
    }

    [Fact]
    public void Batch_RemoveThenSetDefaultToIt_IsRefusedAtTheLaterStep()
    {
        var plan = Plan(R4PoolChange.RemovePool("spare"), R4PoolChange.SetDefaultPool("default_pool_private", "spare"));
        var f = Assert.Single(plan.Findings);
        Assert.Equal((PoolNotFound, 2), (f.Code, f.Step));
        Assert.Equal("Pool spare no longer exists at this point: step 1 removes it. Reorder the steps or drop one.", f.Message);
    }

    [Fact]
    public void Batch_SetDefaultThenRemoveIt_IsRefused()
    {
        var plan = Plan(R4PoolChange.SetDefaultPool("default_pool_root", "spare"), R4PoolChange.RemovePool("spare"));
        var f = Assert.Single(plan.Findings);
        Assert.Equal((PoolIsDefault, 2), (f.Code, f.Step));
        Assert.Contains("Pool spare is default_pool_root.", f.Message);
    }

    [Fact]
    public void Batch_MoveTheDefaultAwayThenRemove_IsAllowedForAnUnusedPool()
    {
        var start = R4Fixtures.State() with { Defaults = R4Fixtures.Defaults.Set("default_pool", "spare") };
        var plan = R4Planner.Plan(start, [R4PoolChange.SetDefaultPool("default_pool", "vm-pool"), R4PoolChange.RemovePool("spare")]);
        Assert.False(plan.IsRefused, string.Join("\n", plan.Findings));
    }

    [Fact]
    public void Batch_AddThenRemoveSameName_IsRefused()
    {
        var plan = Plan(
            R4PoolChange.AddPool(R4PoolAddRequest.Of("tmp", "file-reflink", ("dir_path", "/srv/tmp"))),
            R4PoolChange.RemovePool("tmp"));
        var f = Assert.Single(plan.Findings);
        Assert.Equal((AddThenRemove, 2), (f.Code, f.Step));
        Assert.Contains("stays behind", f.Message);
        Assert.Equal("", plan.Diff);
    }

    [Fact]
    public void Batch_RemoveThenAddSameName_RecreatesThePool()
    {
        // The only way to change dir_path: remove the unused pool, add it again.
        var plan = Plan(R4PoolChange.RemovePool("spare"), R4PoolChange.AddPool(R4PoolAddRequest.Of("spare", "file-reflink", ("dir_path", "/mnt/spare2"))));
        Assert.False(plan.IsRefused, string.Join("\n", plan.Findings));
        Assert.Contains("-  <pool name=\"spare\" driver=\"file-reflink\" dir_path=\"/mnt/spare\"", plan.Diff);
        Assert.Contains("+  <pool name=\"spare\" driver=\"file-reflink\" dir_path=\"/mnt/spare2\"", plan.Diff);
    }

    [Fact]
    public void Batch_AddTwice_SecondIsAnExistingName()
    {
        var add = R4PoolChange.AddPool(R4PoolAddRequest.Of("n", "file-reflink", ("dir_path", "/srv/n")));
        var f = Assert.Single(Plan(add, add).Findings);
        Assert.Equal((PoolExists, 2), (f.Code, f.Step));
    }

    [Fact]
    public void Batch_SetOnAPoolAddedEarlier_IsCheckedAgainstItsDriver()
    {
        var plan = Plan(
            R4PoolChange.AddPool(R4PoolAddRequest.Of("k", "linux-kernel", ("dir_path", "/srv/k"))),
            R4PoolChange.SetPoolOption("k", "revisions_to_keep", "1"));
        Assert.Equal((SetNotSupported, 2), (plan.Findings.Single().Code, plan.Findings.Single().Step));
    }

    [Fact]
    public void Batch_RepeatedSet_Warns()
    {
        var plan = Plan(R4PoolChange.SetPoolOption("vm-pool", "revisions_to_keep", "3"), R4PoolChange.SetPoolOption("vm-pool", "revisions_to_keep", "4"));
        var f = Assert.Single(plan.Findings);
        Assert.Equal((RepeatedStep, 2, false), (f.Code, f.Step, f.IsError));
        Assert.Contains("revisions_to_keep=\"4\"", plan.After);
    }

    [Fact]
    public void Batch_Empty_IsRefused()
        => Assert.Equal(BatchEmpty, Assert.Single(Plan().Findings).Code);

    [Fact]
    public void Batch_RefusedAdd_DoesNotCascadeIntoLaterSteps()
    {
        var plan = Plan(
            R4PoolChange.AddPool(R4PoolAddRequest.Of("n", "file-reflink", ("dir_path", "relative"))),
            R4PoolChange.SetDefaultPool("default_pool_volatile", "n"));
        Assert.Equal([1], plan.Findings.Select(f => f.Step!.Value));
    }

    [Fact]
    public void SideEffects_Remove_NoDataIsDeleted()
    {
        var step = Plan(R4PoolChange.RemovePool("spare")).Steps[0];
        Assert.Equal("qvm-pool remove spare", step.Command);
        Assert.Equal("qubesd removes the pool only from qubes.xml: no data is deleted; the storage it used (/mnt/spare) stays as it is.", Assert.Single(step.SideEffects));
    }

    [Fact]
    public void SideEffects_RemoveZfs_WarnsAboutOldCoreAdmin()
    {
        var start = R4Fixtures.State() with { Pools = R4Fixtures.Table.With(R4Fixtures.Pool("z", "zfs", ("container", "tank/q"))) };
        var effects = R4Planner.Plan(start, [R4PoolChange.RemovePool("z")]).Steps[0].SideEffects;
        Assert.Contains("(tank/q)", effects[0]);
        Assert.Contains("qubes-issues#9856", effects[1]);
    }

    [Fact]
    public void SideEffects_SetRevisions_AffectsOnlyVolumesCreatedLater()
    {
        var step = Plan(R4PoolChange.SetPoolOption("vm-pool", "revisions_to_keep", "1")).Steps[0];
        Assert.Equal("Affects only volumes created later (revisions_to_keep=1 for them): the 4 existing volumes in vm-pool keep their own revisions_to_keep (change one with qvm-volume config VM:VOLUME revisions_to_keep N).", Assert.Single(step.SideEffects));
    }

    [Fact]
    public void SideEffects_SetEphemeral_FromEachVmsNextStart()
    {
        var step = Plan(R4PoolChange.SetPoolOption("vm-pool", "ephemeral_volatile", "on")).Steps[0];
        Assert.Equal("qvm-pool set vm-pool -o ephemeral_volatile=True", step.Command);
        Assert.Equal("True", step.Call.Payload);
        Assert.Contains("From each VM's next start", step.SideEffects[0]);
        Assert.Contains("(1 VM with a volatile volume in vm-pool)", step.SideEffects[0]);
    }

    public static TheoryData<string, (string, string)[], string> AddEffects() => new()
    {
        { "file", [("dir_path", "/srv/f")], "creates the directory /srv/f if it is missing, then /srv/f/appvms and /srv/f/vm-templates|no parent directories" },
        { "file-reflink", [("dir_path", "/srv/r")], "tests reflinks by cloning a temporary file in /srv/r (FICLONE)|removes /srv/r again if it created it|does not support reflinks|/srv/r/appvms" },
        { "file-reflink", [("dir_path", "/srv/r"), ("setup_check", "False")], "No reflink test (setup_check=False" },
        { "lvm_thin", [("volume_group", "vg0"), ("thin_pool", "tp")], "creates nothing: it runs lvs and checks that vg0/tp exists|'Thin pool vg0/tp does not exist'|lvcreate" },
        { "zfs", [("container", "tank/my qubes")], "ZFS is not available on this system|zfs create -o mountpoint=none -o volmode=dev -o org.qubes-os:part-of-qvm-pool=true -p 'tank/my qubes'|zfs set org.qubes-os:part-of-qvm-pool=true volmode=dev 'tank/my qubes'" },
        { "linux-kernel", [("dir_path", "/srv/k")], "creates and checks nothing: /srv/k should hold one directory per kernel version" },
        { "callback", [("conf_id", "luks")], "/etc/qubes_callback.json|entry 'luks'|pre_setup" },
    };

    [Theory]
    [MemberData(nameof(AddEffects))]
    public void SideEffects_AddPerDriver(string driver, (string, string)[] options, string words)
    {
        var step = Plan(R4PoolChange.AddPool(R4PoolAddRequest.Of("n", driver, options))).Steps[0];
        var text = string.Join("\n", step.SideEffects);
        foreach (var w in words.Split('|')) Assert.Contains(w, text);
        Assert.Equal("qubesd saves the new pool in qubes.xml.", step.SideEffects[^1]);
    }

    [Fact]
    public void SideEffects_AddPoolNamedDefault_WhenDefaultPoolIsUnset()
    {
        var start = R4Fixtures.State() with { Defaults = R4DefaultPools.None };
        var plan = R4Planner.Plan(start, [R4PoolChange.AddPool(R4PoolAddRequest.Of("default", "file-reflink", ("dir_path", "/srv/d")))]);
        Assert.Contains(plan.Steps[0].SideEffects, s => s.Contains("named 'default', so qubesd will use it"));
        Assert.Equal("default", plan.Final.Defaults["default_pool_private"].Value);
    }

    [Fact]
    public void SideEffects_Reset()
    {
        var plan = Plan(R4PoolChange.ResetDefaultPool("default_pool_kernel"), R4PoolChange.ResetDefaultPool("default_pool"));
        Assert.Equal("qubes-prefs --default default_pool_kernel", plan.Steps[0].Command);
        Assert.Equal("default_pool_kernel follows default_pool again (here vm-pool); existing volumes stay where they are.", plan.Steps[0].SideEffects.Single());
        Assert.Contains("the console cannot tell which it is here", plan.Steps[1].SideEffects.Single());
        Assert.Equal(new PlannedCall("admin.property.Reset", "default_pool", "dom0", ""), plan.Steps[1].Call);
        Assert.DoesNotContain("<properties>", plan.After);
    }

    [SkippableFact]
    public void Diff_IsAPatchGitApplies()
    {
        var git = Tools.Find("git");
        Skip.If(git is null, "git is not installed here, so the diff cannot be applied with it.");
        var plan = Plan(
            R4PoolChange.RemovePool("spare"),
            R4PoolChange.AddPool(R4PoolAddRequest.Of("a b", "file", ("dir_path", "/x"))), // refused, but still in the after text
            R4PoolChange.AddPool(R4PoolAddRequest.Of("zz", "zfs", ("container", "tank/q"))),
            R4PoolChange.SetPoolOption("vm-pool", "ephemeral_volatile", "True"),
            R4PoolChange.ResetDefaultPool("default_pool_kernel"));
        var dir = Directory.CreateTempSubdirectory("r4-diff-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "pools.xml"), plan.Before);
            File.WriteAllText(Path.Combine(dir.FullName, "change.patch"), plan.Diff);
            var run = Tools.Exec(git!, ["apply", "change.patch"], dir.FullName);
            Assert.True(run.ExitCode == 0, run.Stderr);
            Assert.Equal(plan.After, File.ReadAllText(Path.Combine(dir.FullName, "pools.xml")));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Xml_EscapesAttributeValues()
    {
        var pool = R4Fixtures.Pool("p", "x", ("opt", "a\"b<c>&d"));
        Assert.Equal("<pool name=\"p\" driver=\"x\" opt=\"a&quot;b&lt;c&gt;&amp;d\"/>", R4PoolXml.Element(pool));
        Assert.Equal("<pools/>\n", R4PoolXml.Render(R4PoolTable.Empty, R4DefaultPools.None));
    }

    [Fact]
    public void FromInfo_ReadsTheConfigWithoutMeasurements()
    {
        var pool = R4Pool.FromInfo("linux-kernel", "dir_path=/var/lib/qubes/vm-kernels\ndriver=linux-kernel\nname=linux-kernel\nincluded_in=varlibqubes\nsize=5\n")!;
        Assert.Equal("<pool name=\"linux-kernel\" driver=\"linux-kernel\" dir_path=\"/var/lib/qubes/vm-kernels\"/>", R4PoolXml.Element(pool));
        Assert.Null(R4Pool.FromInfo("x", "size=1\n"));
    }
}
