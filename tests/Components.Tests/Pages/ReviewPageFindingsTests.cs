using Bunit;
using Microsoft.Extensions.DependencyInjection;
using QubesPoolConsole.Components.Pages;
using QubesPoolConsole.Core.Audit;
using QubesPoolConsole.Core.Drafts;
using QubesPoolConsole.Core.Pools;

namespace QubesPoolConsole.Components.Tests.Pages;

/// <summary>The review page shows Core's verdict on whole texts (raw editor, restore) and asks for a move's confirmation.</summary>
public class ReviewPageFindingsTests : DraftTestContext
{
    private const string Conf = "[default]\ndriver=xen\n\n[fast]\ndriver=xen\ndir_path=/mnt/fast\n";

    public ReviewPageFindingsTests()
    {
        Services.AddSingleton(new AuditUser("tester"));
        AddAuthorization().SetAuthorized("alice");
    }

    [Fact]
    public void RawTextWithoutAPoolInUse_ShowsTheVmsAndApplyIsRefused()
    {
        UseSandbox(Conf, TempConsoleFiles.QubesXml(("work", "fast")));
        Draft.Add(new ReplaceText("[default]\ndriver=xen\n", "Edit storage.conf as text"));
        var cut = Render<ReviewPage>();

        Assert.Contains("These changes cannot be applied", cut.Find("[data-testid=findings]").TextContent);
        Assert.Contains("Pool 'fast' is used by 1 VM(s): work.", cut.Find("[data-testid=findings]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=findings] input[type=checkbox]"));

        Button(cut, "Apply").Click();

        Assert.Contains("Not applied", cut.Find("[data-testid=review-notice]").TextContent);
        Assert.Contains("work", cut.Find("[data-testid=review-notice]").TextContent);
        Assert.Equal(Conf, File.ReadAllText(Sandbox.ConfPath));
    }

    [Fact]
    public void RawTextMovingAPoolWithVms_AsksForTheConfirmationBeforeApplying()
    {
        UseSandbox(Conf, TempConsoleFiles.QubesXml(("work", "fast")));
        var moved = Conf.Replace("/mnt/fast", "/mnt/other");
        Draft.Add(new ReplaceText(moved, "Edit storage.conf as text"));
        var cut = Render<ReviewPage>();

        Assert.Contains("Check before applying", cut.Find("[data-testid=findings]").TextContent);
        Assert.Contains("holds 1 VM(s) (work)", cut.Find("[data-testid=findings]").TextContent);

        Button(cut, "Apply").Click();

        Assert.Contains("needs your confirmation", cut.Find("[data-testid=review-notice]").TextContent);
        Assert.Equal(Conf, File.ReadAllText(Sandbox.ConfPath));

        cut.Find("[data-testid=findings] input[type=checkbox]").Change(true);
        Button(cut, "Apply").Click();

        cut.WaitForAssertion(() => Assert.Contains("Applied.", cut.Find("[data-testid=review-notice]").TextContent));
        Assert.Equal(moved, File.ReadAllText(Sandbox.ConfPath));
    }

    [Fact]
    public void Apply_WhenTheAuditLogCannotBeWritten_SaysTheChangeStandsButWasNotRecorded()
    {
        using var sandbox = new TempConsoleFiles(Conf);
        var auditPath = Path.Combine(sandbox.Root, "state", "audit.jsonl");
        Directory.CreateDirectory(auditPath); // a folder where the journal should be: appending to it fails
        var draft = new PoolDraft(sandbox.Catalog, new JsonLinesAuditLog(auditPath));
        Services.AddSingleton(draft);
        draft.Add(new ReplaceText(Conf + "# note\n", "Edit storage.conf as text"));
        var cut = Render<ReviewPage>();

        Button(cut, "Apply").Click();

        var notice = cut.Find("[data-testid=review-notice]").TextContent;
        Assert.Contains("Applied.", notice);
        Assert.Contains("The audit entry could not be written", notice);
        Assert.Equal(Conf + "# note\n", File.ReadAllText(sandbox.ConfPath));
    }

    [Fact]
    public void PendingChangeWithoutFindings_ShowsNoFindings()
    {
        UseSandbox(Conf, TempConsoleFiles.QubesXml(("work", "fast")));
        Draft.Add(new ReplaceText(Conf + "# note\n", "Edit storage.conf as text"));

        var cut = Render<ReviewPage>();

        Assert.Empty(cut.FindAll("[data-testid=findings]"));
        Assert.Contains("Pending changes (1)", cut.Find("h2#pending-heading").TextContent);
    }
}
