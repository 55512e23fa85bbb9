namespace QubesPoolConsole.Components.Tests.Pages;

public class RawEditorPageTests : DraftTestContext
{
    [Fact]
    public void MalformedFile_SaysSo_AndListsItsProblemsWithLineNumbers()
    {
        UseSandbox("driver=xen\n[default]\n");

        var cut = Render<RawEditorPage>();

        Assert.Contains("Qubes cannot read storage.conf", cut.Find("[data-testid=file-malformed]").TextContent);
        Assert.Contains("Error, line 1", cut.Find("[data-testid=raw-diagnostics]").TextContent);
    }

    [Fact]
    public void TypingARepair_ClearsTheDiagnosticsLive_ShowsTheDiff_AndStagesIt()
    {
        var draft = UseSandbox("driver=xen\n[default]\n");
        var cut = Render<RawEditorPage>();
        Assert.True(Button(cut, "Stage this text").HasAttribute("disabled"));

        cut.Find("textarea").Input("[default]\ndriver=xen\n");

        cut.WaitForAssertion(() => Assert.Contains("No problems", cut.Find("[data-testid=raw-diagnostics]").TextContent));
        Assert.Single(cut.FindAll("[data-testid=raw-diff] tr.qpc-diff-removed"));
        Assert.Single(cut.FindAll("[data-testid=raw-diff] tr.qpc-diff-added"));
        Button(cut, "Stage this text").Click();

        cut.WaitForAssertion(() => Assert.Single(draft.Edits));
        var edit = Assert.IsType<ReplaceText>(draft.Edits[0]);
        Assert.Equal("[default]\ndriver=xen\n", edit.Text);
        cut.WaitForAssertion(() => Assert.EndsWith("/review", Services.GetRequiredService<NavigationManager>().Uri));
    }

    [Fact]
    public void MissingFile_OffersTheShippedFile_AndStagesItExactly()
    {
        using var sandbox = new TempConsoleFiles("x");
        File.Delete(sandbox.ConfPath);
        var draft = new PoolDraft(sandbox.Catalog);
        Services.AddSingleton(draft);
        var cut = Render<RawEditorPage>();

        Assert.Contains("does not exist", cut.Find("[data-testid=file-missing]").TextContent);
        Button(cut, "Restore the file Qubes ships").Click();

        Assert.Equal(ShippedStorageConf.Text, draft.CurrentText);
        Assert.True(draft.HasChanges);
    }
}
