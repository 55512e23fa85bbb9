namespace QubesPoolConsole.Components.Tests.Pages;

public class UndoPageTests : ComponentTestContext
{
    [Fact]
    public void NothingApplied_SaysThereIsNoHistory()
    {
        using var sandbox = new TempConsoleFiles("[default]\ndriver=xen\n");
        Services.AddSingleton(new PoolDraft(sandbox.Catalog));

        var cut = Render<UndoPage>();

        Assert.Contains("No earlier versions", cut.Find("[data-testid=no-history]").TextContent);
    }

    [Fact]
    public void AfterAnApply_ShowsTheReplacedVersion_ItsDiff_AndRestoreStagesIt()
    {
        using var sandbox = new TempConsoleFiles("[default]\ndriver=xen\n");
        var draft = new PoolDraft(sandbox.Catalog);
        draft.Add(AddPool.Xen("fast", "/mnt/fast"));
        Assert.True(draft.Apply("s", "u").Applied);
        Services.AddSingleton(draft);
        var cut = Render<UndoPage>();

        Assert.Contains("before the last apply", cut.Find("tbody tr").TextContent);
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Show diff").Click();
        Assert.Contains(cut.FindAll("[data-testid=undo-diff] tr.qpc-diff-removed"), r => r.TextContent.Contains("[fast]"));
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Restore this version").Click();

        Assert.IsType<ReplaceText>(Assert.Single(draft.Edits));
        Assert.Equal("[default]\ndriver=xen\n", draft.CurrentText);
    }
}
