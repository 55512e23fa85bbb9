namespace QubesPoolConsole.Components.Tests.Controls;

public class DiffViewTests : ComponentTestContext
{
    [Fact]
    public void Render_ChangedLine_ShowsHunkHeaderMarkersNumbersAndClasses()
    {
        var cut = Render<DiffView>(p => p
            .Add(x => x.OldText, "[default]\ndriver=xen\n")
            .Add(x => x.NewText, "[default]\ndriver=xen\n\n[fast]\ndriver=xen\n"));

        Assert.Equal("@@ -1,2 +1,5 @@", cut.Find(".qpc-diff-hunk").TextContent.Trim());
        var added = cut.FindAll("tr.qpc-diff-added");
        Assert.Equal(3, added.Count);
        Assert.All(added, row => Assert.Equal("+", row.QuerySelector(".qpc-diff-marker")!.TextContent));
        Assert.Equal("[fast]", added[1].QuerySelector(".qpc-diff-text")!.TextContent);
        Assert.Equal("4", added[1].QuerySelectorAll(".qpc-diff-num")[1].TextContent);
        Assert.Equal("", added[1].QuerySelectorAll(".qpc-diff-num")[0].TextContent);
        Assert.Equal(2, cut.FindAll("tr.qpc-diff-context").Count);
    }

    [Fact]
    public void Render_RemovedLine_IsMarkedWithMinusAndItsOldNumber()
    {
        var cut = Render<DiffView>(p => p.Add(x => x.OldText, "a\nb\nc\n").Add(x => x.NewText, "a\nc\n"));

        var removed = cut.Find("tr.qpc-diff-removed");
        Assert.Equal("-", removed.QuerySelector(".qpc-diff-marker")!.TextContent);
        Assert.Equal("removed", removed.QuerySelector(".qpc-diff-marker")!.GetAttribute("aria-label"));
        Assert.Equal("2", removed.QuerySelectorAll(".qpc-diff-num")[0].TextContent);
        Assert.Equal("b", removed.QuerySelector(".qpc-diff-text")!.TextContent);
    }

    [Fact]
    public void Render_LastLineLosesItsNewline_ShowsNoNewlineMarker()
    {
        var cut = Render<DiffView>(p => p.Add(x => x.OldText, "a\nb\n").Add(x => x.NewText, "a\nb"));

        Assert.Contains(@"\ No newline at end of file", cut.Find("tr.qpc-diff-nonewline").TextContent);
        Assert.Single(cut.FindAll("tr.qpc-diff-removed"));
        Assert.Single(cut.FindAll("tr.qpc-diff-added"));
    }

    [Fact]
    public void Render_EqualTexts_SaysThereIsNoDifference()
    {
        var cut = Render<DiffView>(p => p.Add(x => x.OldText, "a\n").Add(x => x.NewText, "a\n").Add(x => x.EmptyText, "Nothing changes."));

        Assert.Contains("Nothing changes.", cut.Markup);
        Assert.Empty(cut.FindAll("table"));
    }
}
