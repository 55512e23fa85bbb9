using QubesPoolConsole.Core.Qubesd.Vms;

namespace QubesPoolConsole.Core.Tests.Qubesd.Vms;

/// <summary>The create call and qvm-create line, byte for byte against qubesadmin's own test vectors (tests/app.py).</summary>
public sealed class R4VmCommandsTests
{
    [Fact]
    public void PoolForAllIsCreateInPoolWithPoolKey()
    {
        var call = R4VmCommands.Call(new R4VmRequest("new-name", "red", Template: "test-template", Pool: "some-pool"));
        Assert.Equal("admin.vm.CreateInPool.AppVM+test-template dom0 name dom0\0name=new-name label=red pool=some-pool",
            call.Header + call.Payload);
    }

    [Fact]
    public void PerVolumePoolsAreSortedByVolume()
    {
        var pools = new Dictionary<string, string> { ["volatile"] = "other-pool", ["private"] = "some-pool" };
        var request = new R4VmRequest("new-vm", "red", Pools: pools);
        Assert.Equal("name=new-vm label=red pool:private=some-pool pool:volatile=other-pool", R4VmCommands.Call(request).Payload);
        Assert.Equal("qvm-create --class AppVM --label red --pool private=some-pool --pool volatile=other-pool new-vm",
            R4VmCommands.QvmCreate(request));
    }

    [Fact]
    public void NoPoolIsPlainCreate()
    {
        var request = new R4VmRequest("new-vm", "red");
        var call = R4VmCommands.Call(request);
        Assert.Equal(("admin.vm.Create.AppVM", "", "name=new-vm label=red"), (call.Method, call.Arg, call.Payload));
        Assert.Equal("qvm-create --class StandaloneVM --label blue -P 'my pool' solo",
            R4VmCommands.QvmCreate(new R4VmRequest("solo", "blue", "StandaloneVM", Pool: "my pool")));
    }
}
