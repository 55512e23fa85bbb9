namespace QubesPoolConsole.Core.Tests.Vms;

public sealed class VmCreationServiceTests : IDisposable
{
    private const long GiB = 1024L * 1024 * 1024;
    private readonly VmSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private VmCreationService Service(long freeBytes = 100 * GiB)
        => new(_sandbox.Catalog, new SandboxVmCreator(_sandbox.Catalog), _ => new SpaceInfo(200 * GiB, freeBytes, null));

    [Fact]
    public void Load_ListsDefaultFirstWithSpaceAndVmCounts_AndPoolsWithErrorsAsUnavailable()
    {
        File.WriteAllText(_sandbox.ConfPath, $"[fast]\ndriver=xen\ndir_path={_sandbox.FastDir}\n\n[default]\ndriver=xen\n\n[broken]\ndriver=xen\n\n[custom]\nclass=my.Pool\n");

        var context = Service().Load();

        Assert.Null(context.Problem);
        Assert.Equal(["default", "fast", "broken", "custom"], context.Pools.Select(p => p.Name));
        var def = context.Pools[0];
        Assert.Equal((true, 4, "100.0 GiB free of 200.0 GiB"), (def.Selectable, def.VmCount, def.SpaceDisplay));
        Assert.True(context.Pools[1].Selectable);
        Assert.Contains("dir_path", context.Pools[2].UnavailableReason);
        Assert.Contains("not the built-in xen driver", context.Pools[3].UnavailableReason);
        Assert.Equal(["fedora-23"], context.Templates.Select(t => t.Name));
    }

    [Fact]
    public void Review_InNonDefaultPool_ShowsCommandFilesAndFits()
    {
        var service = Service();
        var context = service.Load();

        var review = service.Review(new VmRequest { Name = "banking", Label = "green", Type = VmType.TemplateBasedAppVm, Template = "fedora-23", Pool = "fast" }, context);

        Assert.True(review.CanCreate, string.Join(" ", review.Problems));
        Assert.Equal("qvm-create -P fast -l green -t fedora-23 banking", review.Command.Display);
        Assert.Equal(Path.Combine(_sandbox.FastDir, "appvms", "banking"), review.Plan.Directory);
        Assert.Equal(Path.Combine(_sandbox.TemplateDir, "private.img"), review.Plan.Find("private.img")!.Source);
        Assert.True(review.Fits);
        Assert.Contains("can grow to 13.5 GiB", review.SpaceMessage);
    }

    [Fact]
    public void Review_WhenMaximumSizeExceedsFreeSpace_WarnsButAllows()
    {
        var service = Service(freeBytes: 5 * GiB);

        var review = service.Review(new VmRequest { Name = "big", Label = "red", Type = VmType.StandaloneHvm, Pool = "default" }, service.Load());

        Assert.True(review.CanCreate);
        Assert.False(review.Fits);
        Assert.Contains("but only 5.0 GiB is free", review.SpaceMessage);
    }

    [Fact]
    public void Load_UnreadableQubesXml_ClosesTheWizardWithTheReason()
    {
        File.WriteAllText(_sandbox.QubesXmlPath, "<QubesVmCollection>");

        var context = Service().Load();

        Assert.Contains("not well-formed XML", context.Problem);
    }
}
