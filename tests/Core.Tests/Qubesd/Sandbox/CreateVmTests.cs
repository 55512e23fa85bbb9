namespace QubesPoolConsole.Core.Tests.Qubesd.Sandbox;

/// <summary>
/// admin.vm.CreateInPool / Create / Remove and admin.label.List on the seeded stand-in, over its socket: the
/// payload rules and refusals of <c>_vm_create</c> and the volumes <c>_patch_pool_config</c> places.
/// </summary>
public sealed class CreateVmTests : SandboxTests
{
    private const string Template = "fedora-42";

    private Task<string> Info(string vm, string volume) => Q.Call("admin.vm.volume.Info", volume, vm);

    private static string Field(string info, string key)
        => info.Split("\n").First(l => l.StartsWith(key + "=", StringComparison.Ordinal))[(key.Length + 1)..];

    [Fact]
    public async Task LabelListGivesTheLabelNamesInOrder()
    {
        Assert.Equal("0\\0red\norange\nyellow\ngreen\ngray\nblue\npurple\nblack\n", await Q.Call("admin.label.List"));
    }

    [Fact]
    public async Task PerVolumePoolsPutPrivateAndVolatileWhereAsked()
    {
        var other = await AddFilePoolAsync("other");
        Assert.Equal("0\\0", await Q.Call("admin.vm.CreateInPool.AppVM", Template,
            payload: "name=new-vm label=red pool:private=other pool:volatile=varlibqubes"));

        Assert.Equal("other", Field(await Info("new-vm", "private"), "0\\0pool"));
        Assert.Equal("varlibqubes", Field(await Info("new-vm", "volatile"), "0\\0pool"));
        var root = await Info("new-vm", "root");
        Assert.Equal("True", Field(root, "snap_on_start"));
        Assert.Equal("qubes_dom0/vm-fedora-42-root", Field(root, "source"));
        var privateImg = new FileInfo(Path.Combine(other, "appvms/new-vm/private.img"));
        Assert.Equal(2L << 30, privateImg.Length);
        Assert.Contains("new-vm class=AppVM state=Halted", await Q.Call("admin.vm.List"));
        await Q.RestartAsync();
        Assert.Equal("other", Field(await Info("new-vm", "private"), "0\\0pool"));
    }

    [Fact]
    public async Task PoolForAllLeavesTheAppVmRootWithItsTemplate()
    {
        await AddFilePoolAsync("other");
        Assert.Equal("0\\0", await Q.Call("admin.vm.CreateInPool.AppVM", Template, payload: "name=test-vm2 label=red pool=other"));
        Assert.Equal("other", Field(await Info("test-vm2", "private"), "0\\0pool"));
        Assert.Equal("other", Field(await Info("test-vm2", "volatile"), "0\\0pool"));
        Assert.Equal("vm-pool", Field(await Info("test-vm2", "root"), "0\\0pool"));
        Assert.Equal("linux-kernel", Field(await Info("test-vm2", "kernel"), "0\\0pool"));
    }

    [Fact]
    public async Task StandaloneVmGetsItsOwnRootInThePool()
    {
        var other = await AddFilePoolAsync("other");
        Assert.Equal("0\\0", await Q.Call("admin.vm.CreateInPool.StandaloneVM", payload: "name=solo label=blue pool=other"));
        Assert.Equal("other", Field(await Info("solo", "root"), "0\\0pool"));
        Assert.Equal(10L << 30, new FileInfo(Path.Combine(other, "appvms/solo/root.img")).Length);
        Assert.Equal("0\\0", await Q.Call("admin.vm.Remove", dest: "solo"));
        Assert.False(File.Exists(Path.Combine(other, "appvms/solo/root.img")));
        Assert.DoesNotContain("solo ", await Q.Call("admin.vm.List"));
    }

    [Theory]
    [InlineData("admin.vm.CreateInPool.AppVM", "name=x1 label=red pool=no-such-pool", "2\\0QubesException\\0\\0Unknown storage pool no-such-pool\\0")]
    [InlineData("admin.vm.Create.AppVM", "name=work label=red", "2\\0QubesValueError\\0\\0VM work already exists\\0")]
    [InlineData("admin.vm.CreateInPool.AppVM", "name=x1 label=red pool:root=varlibqubes",
        "2\\0QubesException\\0\\0Snapshot volume root must be in the same pool as its origin (root volume of template),cannot move to pool varlibqubes \\0")]
    [InlineData("admin.vm.Create.AppVM", "name=x1 label=pink", "2\\0QubesLabelNotFoundError\\0\\0Label does not exist: pink\\0")]
    [InlineData("admin.vm.Create.AppVM", "name=1x label=red", "2\\0QubesValueError\\0\\0VM name cannot start with hyphen, underscore, dot or numbers\\0")]
    public async Task RefusesAsQubesdDoes(string method, string payload, string reply)
    {
        Assert.Equal(reply, await Q.Call(method, Template, payload: payload));
        Assert.DoesNotContain("x1 ", await Q.Call("admin.vm.List"));
    }

    [Theory]
    [InlineData("admin.vm.CreateInPool.AppVM", "name=x1 label=red pool:invalid=varlibqubes", "name=x1 label=red pool=varlibqubes pool:root=varlibqubes")]
    [InlineData("admin.vm.Create.AppVM", "name=x1 label=red pool=varlibqubes", "name=x1 label=1", "name=x1")]
    public async Task RefusesWithAnEmptyReply(string method, params string[] payloads)
    {
        foreach (var payload in payloads)
            Assert.True(await Q.Call(method, Template, payload: payload) == "", $"{method} with '{payload}'");
        Assert.DoesNotContain("x1 ", await Q.Call("admin.vm.List"));
    }

    [Fact]
    public async Task TemplateVmCannotBeBasedOnATemplate()
    {
        Assert.Equal("2\\0QubesValueError\\0\\0TemplateVM cannot be based on template\\0",
            await Q.Call("admin.vm.Create.TemplateVM", Template, payload: "name=t2 label=black"));
        Assert.Equal("2\\0QubesVMNotFoundError\\0\\0No such domain: 'nosuch'\\0",
            await Q.Call("admin.vm.Create.AppVM", "nosuch", payload: "name=t2 label=black"));
    }
}
