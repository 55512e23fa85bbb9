using QubesPoolConsole.Core.Qubesd.Vms;
using QubesPoolConsole.Core.Tests.Qubesd.Sandbox;

namespace QubesPoolConsole.Core.Tests.Qubesd.Vms;

public sealed class R4VmPlannerTests
{
    private static async Task<R4VmAnalysis> PlanAsync(SandboxFixture q, R4VmRequest request)
    {
        using var client = new QubesdClient(new QubesdClientOptions { SocketPath = q.Socket });
        var view = await new R4PoolReader(client).ReadAsync();
        Assert.True(view.IsLoaded, view.Error);
        return await R4VmPlanner.PlanAsync(client, view, request);
    }

    private static async Task<R4VmAnalysis> PlanAcceptedAsync(SandboxFixture q, R4VmRequest request)
    {
        var a = await PlanAsync(q, request);
        Assert.True(a.Accepted, string.Join("\n", a.Findings));
        return a;
    }

    private static Dictionary<string, string> Pools(params string[] pairs)
        => pairs.Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);

    [Fact]
    public async Task PerVolumePools_PlanEachVolumeWithItsPoolDefaultAndSize()
    {
        await using var q = await SandboxFixture.StartAsync();
        var a = await PlanAcceptedAsync(q, new R4VmRequest("mail", "blue", Pools: Pools("private=varlibqubes", "volatile=vm-pool")));
        Assert.Equal("qvm-create --class AppVM --label blue --pool private=varlibqubes --pool volatile=vm-pool mail", a.Plan.QvmCreate);
        Assert.Equal("admin.vm.CreateInPool.AppVM", a.Plan.Call.Method);
        Assert.Equal("name=mail label=blue pool:private=varlibqubes pool:volatile=vm-pool", a.Plan.Call.Payload);
        var v = a.Plan.Volumes.ToDictionary(x => x.Volume);
        Assert.Equal(["root", "private", "volatile", "kernel"], a.Plan.Volumes.Select(x => x.Volume));
        Assert.Equal(("vm-pool", "stays with its template fedora-42 (snapshot)", false), (v["root"].Pool, v["root"].Why, v["root"].IsCreated));
        Assert.Equal(("varlibqubes", "given", 2L << 30), (v["private"].Pool, v["private"].Why, v["private"].Size!.Value));
        Assert.Equal(("vm-pool", 10L << 30), (v["volatile"].Pool, v["volatile"].Size!.Value));
        Assert.Equal(("linux-kernel", "default (default_pool_kernel)"), (v["kernel"].Pool, v["kernel"].Why));
        Assert.Contains("varlibqubes", a.Plan.FreeBytes.Keys);
    }

    [Fact]
    public async Task OnePool_MovesOnlyWritableNonSnapshotVolumes()
    {
        await using var q = await SandboxFixture.StartAsync();
        var a = await PlanAcceptedAsync(q, new R4VmRequest("mail", "red", Pool: "varlibqubes"));
        Assert.Equal(["vm-pool", "varlibqubes", "varlibqubes", "linux-kernel"], a.Plan.Volumes.Select(x => x.Pool));
        Assert.Equal("name=mail label=red pool=varlibqubes", a.Plan.Call.Payload);
    }

    [Fact]
    public async Task StandaloneVm_RootIsNewAndFallsToTheDefault()
    {
        await using var q = await SandboxFixture.StartAsync();
        var a = await PlanAcceptedAsync(q, new R4VmRequest("solo", "green", Class: "StandaloneVM"));
        var root = a.Plan.Volumes[0];
        Assert.Equal(("vm-pool", "default (default_pool_root)", 10L << 30, true), (root.Pool, root.Why, root.Size!.Value, root.IsCreated));
        Assert.Equal("admin.vm.Create.StandaloneVM", a.Plan.Call.Method);
    }

    [Fact]
    public async Task AppVmRootInAnotherPool_IsRefusedWithQubesReason()
    {
        await using var q = await SandboxFixture.StartAsync();
        var a = await PlanAsync(q, new R4VmRequest("mail", "blue", Pools: Pools("root=varlibqubes")));

        var f = Assert.Single(a.Findings);
        Assert.Equal(R4Codes.SnapshotCannotMove, f.Code);
        Assert.StartsWith("Snapshot volume root must be in the same pool as its origin", f.Message);
        Assert.False(a.Accepted);
    }

    [Theory]
    [InlineData("work", "blue", null, null, R4Codes.VmExists)]
    [InlineData("1st", "blue", null, null, R4Codes.VmNameInvalid)]
    [InlineData("mail", "pink", null, null, R4Codes.LabelUnknown)]
    [InlineData("mail", "blue", "nope", null, R4Codes.TemplateUnknown)]
    [InlineData("mail", "blue", null, "private=nowhere", R4Codes.VmPoolUnknown)]
    [InlineData("mail", "blue", null, "swap=varlibqubes", R4Codes.VolumeUnknown)]
    [InlineData("mail", "blue", null, "private=linux-kernel", R4Codes.KernelPoolOnly)]
    public async Task Refusals_CarryTheirCode(string name, string label, string? template, string? pool, string code)
    {
        await using var q = await SandboxFixture.StartAsync();
        var a = await PlanAsync(q, new R4VmRequest(name, label, Template: template, Pools: pool is null ? null : Pools(pool)));

        Assert.False(a.Accepted);
        Assert.Contains(a.Findings, f => f.Code == code);
    }

    [Theory]
    [InlineData("a234567890123456789012345678901", null)]
    [InlineData("a2345678901234567890123456789012", "VM name must be shorter than 32 characters")]
    [InlineData("-x", "VM name cannot start with hyphen, underscore, dot or numbers")]
    [InlineData("a b", "VM name contains illegal characters")]
    [InlineData("default", "VM name cannot be 'none' nor 'default'")]
    [InlineData("disp1", null)]
    [InlineData("web-dm", "VM name cannot end with -dm")]
    public void NameProblem_FollowsValidateName(string name, string? expected)
        => Assert.Equal(expected, R4VmPlanner.NameProblem(name));

    [Fact]
    public async Task KernelInAFilePool_IsAllowedWithAWarning()
    {
        await using var q = await SandboxFixture.StartAsync();
        var a = await PlanAcceptedAsync(q, new R4VmRequest("mail", "blue", Pools: Pools("kernel=varlibqubes")));
        var f = Assert.Single(a.Findings);
        Assert.Equal((R4Codes.KernelNotInKernelPool, false), (f.Code, f.IsError));
    }

    [Fact]
    public async Task OnePoolThatIsAKernelPool_IsRefusedForEachWritableVolume()
    {
        await using var q = await SandboxFixture.StartAsync();
        var a = await PlanAsync(q, new R4VmRequest("mail", "blue", Pool: "linux-kernel"));
        Assert.Equal(["private", "volatile"], a.Findings.Where(f => f.Code == R4Codes.KernelPoolOnly).Select(f => f.Option));
    }
}
