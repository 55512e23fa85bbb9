namespace QubesPoolConsole.Components.Tests.Pages;

public class EarlierVersionsPageTests : DraftTestContext
{
    [Fact]
    public void NothingApplied_SaysThereIsNoHistory()
    {
        UseSandbox("[default]\ndriver=xen\n");

        var cut = Render<EarlierVersionsPage>();

        Assert.Contains("No earlier versions", cut.Find("[data-testid=no-history]").TextContent);
    }

    [Fact]
    public void AfterAnApply_ShowsTheReplacedVersion_ItsDiff_AndRestoreStagesIt()
    {
        var draft = UseSandbox("[default]\ndriver=xen\n");
        draft.Add(AddPool.Xen("fast", "/mnt/fast"));
        Assert.True(draft.Apply("s", "u").Applied);
        var cut = Render<EarlierVersionsPage>();

        Assert.Contains("before the last apply", cut.Find("tbody tr").TextContent);
        Button(cut, "Show diff").Click();
        Assert.Contains(cut.FindAll("[data-testid=undo-diff] tr.qpc-diff-removed"), r => r.TextContent.Contains("[fast]"));
        Button(cut, "Restore this version").Click();

        Assert.IsType<ReplaceText>(Assert.Single(draft.Edits));
        Assert.Equal("[default]\ndriver=xen\n", draft.CurrentText);
    }
}
