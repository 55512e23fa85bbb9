namespace QubesPoolConsole.Core.Tests.Vms;

public class VmLayoutTests
{
    private const long GiB = 1024L * 1024 * 1024;

    private static VmRequest Request(VmType type, string? template = "fedora-23")
        => new() { Name = "work", Label = "red", Type = type, Template = VmTypeInfo.Of(type).NeedsTemplate ? template : null, Pool = "fast" };

    [Fact]
    public void TemplateBasedAppVm_Plan_PrivateCopiedAndVolatileOnly()
    {
        var plan = VmLayout.Plan(Request(VmType.TemplateBasedAppVm), "/pools/fast", "/var/lib/qubes/vm-templates/fedora-23");

        Assert.Equal("/pools/fast/appvms/work", plan.Directory);
        Assert.Equal(["private.img", "volatile.img", "kernels/", "work.conf", "icon.png"], plan.Items.Select(i => i.Name));
        var priv = plan.Find("private.img")!;
        Assert.Equal((PlannedItemKind.CopiedImage, 2 * GiB, "/var/lib/qubes/vm-templates/fedora-23/private.img"), (priv.Kind, priv.Bytes, priv.Source));
        Assert.Equal(10 * GiB + 3 * GiB / 2, plan.Find("volatile.img")!.Bytes);
        Assert.Equal(2 * GiB + 23 * GiB / 2, plan.MaxBytes);
    }

    [Fact]
    public void StandaloneAppVm_Plan_CopiesRootAndPrivateFromTemplate()
    {
        var plan = VmLayout.Plan(Request(VmType.StandaloneAppVm), "/pools/fast/", "/t");

        Assert.Equal("/pools/fast/appvms/work", plan.Directory);
        Assert.Equal(["private.img", "root.img", "volatile.img", "kernels/", "work.conf", "icon.png"], plan.Items.Select(i => i.Name));
        Assert.Equal((PlannedItemKind.CopiedImage, 10 * GiB, "/t/root.img"), (plan.Find("root.img")!.Kind, plan.Find("root.img")!.Bytes, plan.Find("root.img")!.Source));
    }

    [Fact]
    public void TemplateVm_Plan_IsInVmTemplatesWithHvmRootAndRootCow()
    {
        var plan = VmLayout.Plan(Request(VmType.TemplateVm), "/pools/fast");

        Assert.Equal("/pools/fast/vm-templates/work", plan.Directory);
        Assert.Equal(
            [("private.img", 2 * GiB), ("root.img", 20 * GiB), ("volatile.img", 20 * GiB + 3 * GiB / 2), ("root-cow.img", 20 * GiB)],
            plan.Items.Where(i => i.IsImage).Select(i => (i.Name, i.Bytes!.Value)));
        Assert.All(plan.Items.Where(i => i.IsImage), i => Assert.Equal(PlannedItemKind.SparseImage, i.Kind));
    }

    [Fact]
    public void StandaloneHvm_Plan_HasEmpty20GiBRootInAppvms()
    {
        var plan = VmLayout.Plan(Request(VmType.StandaloneHvm), "/p");

        Assert.Equal("/p/appvms/work", plan.Directory);
        Assert.Equal([("private.img", 2 * GiB), ("root.img", 20 * GiB), ("volatile.img", 20 * GiB + 3 * GiB / 2)],
            plan.Items.Where(i => i.IsImage).Select(i => (i.Name, i.Bytes!.Value)));
        Assert.Null(plan.Find("root-cow.img"));
    }

    [Theory]
    [InlineData(VmType.NetVm)]
    [InlineData(VmType.ProxyVm)]
    public void ServiceVm_Plan_IsInServicevms(VmType type)
    {
        var plan = VmLayout.Plan(Request(type), "/p");

        Assert.Equal("/p/servicevms/work", plan.Directory);
        Assert.Equal(["private.img", "volatile.img"], plan.Items.Where(i => i.IsImage).Select(i => i.Name));
    }

    [Theory]
    [InlineData(VmType.TemplateBasedAppVm, null, "qvm-create -P fast -l red -t fedora-23 work")]
    [InlineData(VmType.StandaloneAppVm, null, "qvm-create -P fast -l red -s -t fedora-23 work")]
    [InlineData(VmType.TemplateVm, null, "qvm-create -P fast -l red --hvm-template work")]
    [InlineData(VmType.StandaloneHvm, null, "qvm-create -P fast -l red -H work")]
    [InlineData(VmType.NetVm, null, "qvm-create -P fast -l red -n -t fedora-23 work")]
    [InlineData(VmType.ProxyVm, null, "qvm-create -P fast -l red -p -t fedora-23 work")]
    [InlineData(VmType.TemplateBasedAppVm, "extras", "qvm-create -P fast -l red -t fedora-23 -m 800 -c 3 -i work")]
    public void Request_Command_HasTheExactArguments(VmType type, string? extras, string expected)
    {
        var request = Request(type) with { MemoryMb = extras is null ? null : 800, Vcpus = extras is null ? null : 3, Internal = extras is not null };

        var command = QvmCreateCommand.For(request);

        Assert.Equal(expected, command.Display);
        Assert.Equal(expected.Split(' ').Skip(1), command.Arguments);
    }

    [Fact]
    public void PoolNameWithShellCharacters_Display_IsQuotedButArgumentStaysOne()
    {
        var command = QvmCreateCommand.For(Request(VmType.StandaloneHvm) with { Pool = "a b;x" });

        Assert.Equal("qvm-create -P 'a b;x' -l red -H work", command.Display);
        Assert.Equal("a b;x", command.Arguments[1]);
    }
}
