using QubesPoolConsole.Components.R4;
using QubesPoolConsole.Core.Qubesd.Wire;

namespace QubesPoolConsole.Components.Tests.R4;

public class R4PoolsPageTests : R4TestContext
{
    private const string Unplugged = "Logical volume qubes_dom0/vm-pool not found";

    // vm-pool's Info and UsageDetails fail, as when its disk is unplugged; the rest of qubesd answers.
    protected override IQubesdClient Wrap(IQubesdClient client) => new FailingPoolClient(client, "vm-pool", Unplugged);

    [Fact]
    public void PoolWhoseInfoFails_ShowsQubesdsMessageInItsRow_OtherRowsShowUsage()
    {
        var page = Render<R4PoolsPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("tr.r4-row-error")));
        var failed = Assert.Single(page.FindAll("tr.r4-row-error"));
        Assert.Contains("vm-pool", failed.TextContent);
        Assert.Contains(Unplugged, failed.QuerySelector("[data-testid='r4-row-error']")!.TextContent);
        var varlib = page.FindAll("tr").Single(r => r.QuerySelector("strong")?.TextContent == "varlibqubes");
        Assert.Matches(@"data \d+(\.\d)? %", varlib.TextContent);
        Assert.Equal("2", varlib.Children[6].TextContent.Trim());
        Assert.False(Button(page, "Add pool").HasAttribute("disabled"));
    }

    [Fact]
    public void RowNestedInAnother_IsMarked_AndDefaultForIsListed()
    {
        var page = Render<R4PoolsPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("tr.r4-row-nested")));
        var kernel = page.FindAll("tr").Single(r => r.QuerySelector("strong")?.TextContent == "linux-kernel");
        Assert.Contains("inside varlibqubes", kernel.TextContent);
        Assert.Contains("default_pool_kernel", kernel.TextContent);
    }
}
