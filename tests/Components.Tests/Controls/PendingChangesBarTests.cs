namespace QubesPoolConsole.Components.Tests.Controls;

public class PendingChangesBarTests : DraftTestContext
{
    [Fact]
    public void StagedEdit_UpdatesTheCountLive()
    {
        var draft = UseSandbox("[default]\ndriver=xen\n");
        var cut = Render<PendingChangesBar>();
        Assert.Contains("none pending", cut.Find("[data-testid=pending-changes]").GetAttribute("aria-label"));

        draft.Add(AddPool.Xen("fast", "/mnt/fast"));
        draft.Add(AddPool.Xen("slow", "/mnt/slow"));

        cut.WaitForAssertion(() =>
            Assert.Equal("Review changes (2 pending)", cut.Find("[data-testid=pending-changes]").GetAttribute("aria-label")));
        Assert.Equal("/review", cut.Find("a[data-testid=pending-changes]").GetAttribute("href"));
    }

    [Fact]
    public void Dispose_StopsListeningToTheDraft()
    {
        var draft = UseSandbox("[default]\ndriver=xen\n");
        var cut = Render<PendingChangesBar>();

        cut.Instance.Dispose();

        // Raising Changed must not reach the disposed component (it would re-render a dead component).
        var handlers = typeof(PoolDraft).GetField("Changed", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!
            .GetValue(draft) as Delegate;
        Assert.Null(handlers);
    }
}
