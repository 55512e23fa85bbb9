using MudBlazor;
using QubesPoolConsole.Core.Audit;

namespace QubesPoolConsole.Components.Tests.Pages;

public class ReviewPageTests : ComponentTestContext
{
    private const string Start = "[default]\ndriver=xen\n";
    // Deleted by the base context's disposal, with the services.
    private readonly TempConsoleFiles _sandbox = new(Start);
    private readonly PoolDraft _draft;

    public ReviewPageTests()
    {
        _draft = new PoolDraft(_sandbox.Catalog);
        Services.AddSingleton(_draft);
        Services.AddSingleton(_sandbox);
        Services.AddSingleton(new AuditUser("tester"));
        AddAuthorization().SetAuthorized("alice").SetClaims(new System.Security.Claims.Claim(ReviewPage.SessionClaim, "session-1"));
    }

    [Fact]
    public void NoPendingChanges_ApplyAndRevertAreDisabled_AndTheFileIsShown()
    {
        var cut = Render<ReviewPage>();

        Assert.Contains("No pending changes", cut.Find("h2#pending-heading").TextContent);
        Assert.True(Button(cut, "Apply").HasAttribute("disabled"));
        Assert.True(Button(cut, "Revert").HasAttribute("disabled"));
        Assert.Contains("driver=xen", cut.Find("[data-testid=current-file]").TextContent);
    }

    [Fact]
    public void PendingEdit_ShowsItsDescriptionTheDiffAndTheResultingFile()
    {
        _draft.Add(AddPool.Xen("fast", "/mnt/fast"));

        var cut = Render<ReviewPage>();

        Assert.Contains("Pending changes (1)", cut.Find("h2#pending-heading").TextContent);
        Assert.Contains("Add pool fast (xen)", cut.Find("ol[aria-label='Pending changes']").TextContent);
        Assert.Contains(cut.FindAll("tr.qpc-diff-added"), r => r.TextContent.Contains("dir_path=/mnt/fast"));
        Assert.Equal(6, cut.FindAll("[data-testid=result-file] tr.qpc-file-line").Count);
        Assert.False(Button(cut, "Apply").HasAttribute("disabled"));
        Assert.Contains("They end when you apply or revert them, log out, the session expires, or the console stops.", cut.Markup);
    }

    [Fact]
    public void Apply_WritesTheFileAndConfirms()
    {
        _draft.Add(AddPool.Xen("fast", "/mnt/fast"));
        var cut = Render<ReviewPage>();

        Button(cut, "Apply").Click();

        Assert.Equal(Start + "\n[fast]\ndriver=xen\ndir_path=/mnt/fast\n", File.ReadAllText(_sandbox.ConfPath));
        Assert.Contains("Applied.", cut.Find("[data-testid=review-notice]").TextContent);
        Assert.Equal("/undo", cut.Find("[data-testid=review-notice] a").GetAttribute("href"));
        Assert.Contains("dir_path=/mnt/fast", cut.Find("[data-testid=current-file]").TextContent);
        Assert.True(Button(cut, "Apply").HasAttribute("disabled"));
    }

    [Fact]
    public void Apply_FileChangedOnDisk_ShowsTheirChange_AndRebaseShowsTheNewDiff()
    {
        _draft.Add(AddPool.Xen("fast", "/mnt/fast"));
        var cut = Render<ReviewPage>();
        File.WriteAllText(_sandbox.ConfPath, "# by hand\n" + Start);

        Button(cut, "Apply").Click();

        Assert.Contains("changed on disk", cut.Find("[data-testid=conflict]").TextContent);
        Assert.Contains(cut.FindAll("[data-testid=disk-diff] tr.qpc-diff-added"), r => r.TextContent.Contains("# by hand"));
        Assert.Equal("# by hand\n" + Start, File.ReadAllText(_sandbox.ConfPath));

        Button(cut, "Rebase my changes").Click();

        Assert.Empty(cut.FindAll("[data-testid=conflict]"));
        Assert.Contains("# by hand", cut.Find("[data-testid=result-file]").TextContent);
        Assert.Contains("replayed", cut.Find("[data-testid=review-notice]").TextContent);
    }

    [Fact]
    public void ChangedOnDiskWhileEditing_ShowsTheBanner_AndDiscardReloads()
    {
        _draft.Add(AddPool.Xen("fast", "/mnt/fast"));
        var cut = Render<ReviewPage>();
        File.WriteAllText(_sandbox.ConfPath, "# by hand\n" + Start);

        _draft.Refresh();

        cut.WaitForAssertion(() => Assert.Contains("rebase or discard", cut.Find("[data-testid=changed-on-disk]").TextContent));
        Button(cut, "Discard my changes").Click();
        Assert.Empty(cut.FindAll("[data-testid=changed-on-disk]"));
        Assert.Empty(_draft.Edits);
        Assert.Contains("# by hand", cut.Find("[data-testid=current-file]").TextContent);
    }

    [Fact]
    public async Task Revert_AsksFirst_ThenDiscardsWithoutTouchingTheFile()
    {
        _draft.Add(AddPool.Xen("fast", "/mnt/fast"));
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<ReviewPage>();

        await cut.InvokeAsync(() => Button(cut, "Revert").Click());
        dialogs.WaitForAssertion(() => Assert.Contains("Revert pending changes?", dialogs.Markup));
        Assert.Single(_draft.Edits);
        var confirm = Button(dialogs, "Revert");
        await dialogs.InvokeAsync(() => confirm.Click());

        cut.WaitForAssertion(() => Assert.Empty(_draft.Edits));
        Assert.Equal(Start, File.ReadAllText(_sandbox.ConfPath));
    }
}
