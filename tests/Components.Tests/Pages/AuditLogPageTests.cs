using QubesPoolConsole.Core.Audit;

namespace QubesPoolConsole.Components.Tests.Pages;

public class AuditLogPageTests : ComponentTestContext
{
    private sealed class FakeAuditLog(params AuditEntry[] newestFirst) : IAuditLog
    {
        public void Append(AuditEntry entry) => throw new NotSupportedException();

        public IReadOnlyList<AuditEntry> Read(int max = 500) => newestFirst.Take(max).ToList();
    }

    /// <summary>A log of an add (newest) and a remove.</summary>
    private static FakeAuditLog TwoEntries() => new(
        Entry("Add pool fast (xen)", "s-2", "+[fast]\n+driver=xen\n", 30),
        Entry("Remove pool old", "s-1", "-[old]\n", 10));

    private static AuditEntry Entry(string summary, string session, string diff, int minute) => new(
        new DateTimeOffset(2026, 11, 27, 18, minute, 5, TimeSpan.Zero), "alice", session, "/etc/qubes/storage.conf",
        summary, diff, "abc");

    [Fact]
    public void Render_TwoEntries_ListsTimeUserSessionAndSummaryNewestFirst_DiffsHidden()
    {
        Services.AddSingleton<IAuditLog>(TwoEntries());

        var cut = Render<AuditLogPage>();

        var rows = cut.FindAll("tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("2026-11-27 18:30:05", rows[0].TextContent);
        Assert.Contains("alice", rows[0].TextContent);
        Assert.Contains("s-2", rows[0].TextContent);
        Assert.Contains("Add pool fast (xen)", rows[0].TextContent);
        Assert.Contains("Remove pool old", rows[1].TextContent);
        Assert.Empty(cut.FindAll("[data-testid=audit-diff]"));
    }

    [Fact]
    public void ShowDiff_OnOneEntry_ShowsThatDiffOnly_AndHideDiffHidesIt()
    {
        Services.AddSingleton<IAuditLog>(TwoEntries());
        var cut = Render<AuditLogPage>();

        cut.FindAll("tbody tr")[1].QuerySelector("button")!.Click();

        var diff = Assert.Single(cut.FindAll("[data-testid=audit-diff]"));
        Assert.Equal("-[old]\n", diff.TextContent);
        var button = Button(cut, "Hide diff");
        Assert.Equal("true", button.GetAttribute("aria-expanded"));

        button.Click();

        Assert.Empty(cut.FindAll("[data-testid=audit-diff]"));
    }

    [Fact]
    public void Render_EmptyJournal_SaysNothingWasApplied()
    {
        Services.AddSingleton<IAuditLog>(new FakeAuditLog());

        var cut = Render<AuditLogPage>();

        Assert.Contains("No changes have been applied yet.", cut.Markup);
    }
}
