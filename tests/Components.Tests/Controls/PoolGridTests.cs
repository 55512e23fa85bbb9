namespace QubesPoolConsole.Components.Tests.Controls;

public class PoolGridTests : ComponentTestContext
{
    private static readonly PoolRow[] Rows =
    [
        new("default", "xen", "/var/lib/qubes/", true, 7, new SpaceInfo(100L << 30, 40L << 30, null), 0, 0, PoolRowStatus.Unchanged),
        new("fast", "xen", "/mnt/fast", false, 2, new SpaceInfo(null, null, "the directory does not exist"), 1, 1, PoolRowStatus.New),
        new("lvm", "my.drivers.LvmPool", null, false, 0, null, 0, 1, PoolRowStatus.Changed),
    ];

    [Fact]
    public void Render_Rows_ShowsEveryColumnAsAUserReadsIt()
    {
        var cut = Render<PoolGrid>(p => p.Add(x => x.Rows, Rows));

        var rows = cut.FindAll("tbody tr");
        Assert.Equal(3, rows.Count);
        Assert.Contains("implied", rows[0].TextContent);
        Assert.Contains("40.0 GiB free of 100.0 GiB", rows[0].TextContent);
        Assert.Contains("OK", rows[0].TextContent);
        Assert.Contains("pending: new", rows[1].TextContent);
        Assert.Contains("unknown", rows[1].TextContent);
        Assert.Contains("the directory does not exist", rows[1].TextContent);
        Assert.Contains("1 error, 1 warning", rows[1].TextContent);
        Assert.Contains("my.drivers.LvmPool", rows[2].TextContent);
        Assert.Contains("1 warning", rows[2].TextContent);
        Assert.Equal(["/pools/default", "/pools/fast", "/pools/lvm"], cut.FindAll("tbody a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void VmCountsUnknown_VmsColumn_SaysQuestionMarkNotZero()
    {
        var cut = Render<PoolGrid>(p => p.Add(x => x.Rows, Rows).Add(x => x.VmCountsUnknown, true));

        var vmsColumn = cut.FindAll("th").Select(th => th.TextContent.Trim()).ToList().IndexOf("VMs");
        var cells = cut.FindAll("tbody tr").Select(r => r.QuerySelectorAll("td")[vmsColumn].TextContent.Trim()).ToList();
        Assert.Equal(["?", "?", "?"], cells);
        Assert.Equal("unknown: qubes.xml could not be read", cut.FindAll("tbody tr")[0].QuerySelectorAll("td")[vmsColumn].QuerySelector("span")!.GetAttribute("title"));
    }

    [Fact]
    public void Filter_ByText_KeepsOnlyMatchingPools()
    {
        var cut = Render<PoolGrid>(p => p.Add(x => x.Rows, Rows));

        InputByLabel(cut, "Filter pools").Input("lvm");

        cut.WaitForAssertion(() => Assert.Equal(["lvm"], cut.FindAll("tbody a").Select(a => a.TextContent.Trim())));
    }

    [Fact]
    public void SortButton_OfTheVmsColumn_OrdersRowsByVmCount()
    {
        var cut = Render<PoolGrid>(p => p.Add(x => x.Rows, Rows));
        var vmsHeader = cut.FindAll("th").Single(th => th.TextContent.Trim() == "VMs");

        vmsHeader.QuerySelector("button[aria-label='Sort']")!.Click();

        cut.WaitForAssertion(() => Assert.Equal(["lvm", "fast", "default"], cut.FindAll("tbody a").Select(a => a.TextContent.Trim())));
        Assert.Equal(6, cut.FindAll("th button[aria-label='Sort']").Count);
    }

    [Fact]
    public void Filter_NothingMatches_SaysSo()
    {
        var cut = Render<PoolGrid>(p => p.Add(x => x.Rows, Rows));

        InputByLabel(cut, "Filter pools").Input("zzz");

        cut.WaitForAssertion(() => Assert.Contains("No pool matches the filter.", cut.Markup));
    }

    [Fact]
    public void Render_FewPools_ShowsThemAllWithoutAPager()
    {
        var cut = Render<PoolGrid>(p => p.Add(x => x.Rows, Rows));

        Assert.Equal(3, cut.FindAll("tbody tr").Count);
        Assert.DoesNotContain("Rows per page", cut.Markup);
    }

    [Fact]
    public void Render_ThousandPools_ShowsTheFirstPageAndSaysHowManyThereAre()
    {
        var cut = Render<PoolGrid>(p => p.Add(x => x.Rows, Thousand));

        Assert.Equal(Names(1, PoolGrid.DefaultPageSize), LinkTexts(cut));
        Assert.Contains("Rows per page", cut.Markup);
        Assert.Contains($"1-{PoolGrid.DefaultPageSize} of 1,000", cut.Markup);
    }

    [Fact]
    public void NextPage_ThousandPools_ShowsTheNextRows()
    {
        var cut = Render<PoolGrid>(p => p.Add(x => x.Rows, Thousand));

        cut.Find("button[aria-label='Next page']").Click();

        cut.WaitForAssertion(() => Assert.Equal(Names(PoolGrid.DefaultPageSize + 1, PoolGrid.DefaultPageSize), LinkTexts(cut)));
    }

    [Fact]
    public void Filter_ThousandPools_FindsAPoolFarDownTheListFromAnyPage()
    {
        var cut = Render<PoolGrid>(p => p.Add(x => x.Rows, Thousand));
        cut.Find("button[aria-label='Last page']").Click();
        cut.WaitForAssertion(() => Assert.Contains("pool-1000", LinkTexts(cut)));

        InputByLabel(cut, "Filter pools").Input("pool-0987");

        cut.WaitForAssertion(() => Assert.Equal(["pool-0987"], LinkTexts(cut)));
        Assert.Equal("/pools/pool-0987", cut.Find("tbody a").GetAttribute("href"));
        Assert.Contains("1-1 of 1", cut.Markup);
    }

    [Fact]
    public void Sort_ThousandPools_OrdersAllPoolsNotOnlyTheShownPage()
    {
        // VMs count down from 999 (pool-0001) to 0 (pool-1000): ascending, the last pools come first.
        var cut = Render<PoolGrid>(p => p.Add(x => x.Rows, Thousand));
        var vmsHeader = cut.FindAll("th").Single(th => th.TextContent.Trim() == "VMs");

        vmsHeader.QuerySelector("button[aria-label='Sort']")!.Click();

        cut.WaitForAssertion(() => Assert.Equal(Names(1000, PoolGrid.DefaultPageSize, step: -1), LinkTexts(cut)));
    }

    /// <summary>pool-0001 … pool-1000, in order, with VM counts 999 … 0.</summary>
    private static readonly PoolRow[] Thousand = Enumerable.Range(1, 1000)
        .Select(i => new PoolRow($"pool-{i:D4}", "xen", $"/srv/pools/pool-{i:D4}", false, 1000 - i, null, 0, 0, PoolRowStatus.Unchanged))
        .ToArray();

    private static string[] Names(int first, int count, int step = 1)
        => Enumerable.Range(0, count).Select(k => $"pool-{first + k * step:D4}").ToArray();

    private static string[] LinkTexts(IRenderedComponent<PoolGrid> cut)
        => cut.FindAll("tbody a").Select(a => a.TextContent.Trim()).ToArray();
}
