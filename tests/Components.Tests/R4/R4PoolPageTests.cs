using QubesPoolConsole.Components.R4;

namespace QubesPoolConsole.Components.Tests.R4;

public class R4PoolPageTests : R4TestContext
{
    [Fact]
    public void FilePool_ListsEachVmVolumeWithSizeAndTheTotals()
    {
        var page = Render<R4PoolPage>(p => p.Add(x => x.Name, "varlibqubes"));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=r4-volumes] tbody tr")));
        var rows = page.FindAll("[data-testid=r4-volumes] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("vault") && r.Contains("private") && r.Contains("2.0 GiB"));
        Assert.Contains(rows, r => r.Contains("vault") && r.Contains("volatile") && r.Contains("10.0 GiB"));
        Assert.Contains("2 VM volume(s)", page.Markup);
        Assert.Contains("Total: 12.0 GiB in size", page.Find("[data-testid=r4-volume-totals]").TextContent);
        Assert.Contains("file", page.Find("[data-testid=r4-pool-facts]").TextContent);
    }

    [Fact]
    public void Filter_NarrowsTheVolumes()
    {
        var page = Render<R4PoolPage>(p => p.Add(x => x.Name, "vm-pool"));
        page.WaitForAssertion(() => Assert.True(page.FindAll("[data-testid=r4-volumes] tbody tr").Count > 3));

        page.Find("[data-testid=r4-volumes] input").Input("sys-net");

        page.WaitForAssertion(() => Assert.All(page.FindAll("[data-testid=r4-volumes] tbody tr"), r => Assert.Contains("sys-net", r.TextContent)));
    }

    [Fact]
    public void UnknownPool_SaysQubesdHasNoSuchPool()
    {
        var page = Render<R4PoolPage>(p => p.Add(x => x.Name, "nope"));

        page.WaitForAssertion(() => Assert.Contains("qubesd has no pool named 'nope'", page.Markup));
        page.WaitForAssertion(() => Assert.Contains("No volume lives in this pool.", page.Markup));
    }
}
