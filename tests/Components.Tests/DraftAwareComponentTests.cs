using Bunit;
using Microsoft.AspNetCore.Components.Rendering;
using QubesPoolConsole.Core.Pools;

namespace QubesPoolConsole.Components.Tests;

public class DraftAwareComponentTests : DraftTestContext
{
    private const string Conf = "[default]\ndriver=xen\n";

    [Fact]
    public async Task ChangeOnAnotherThread_EveryViewOfTheDraftRendersIt()
    {
        UseSandbox(Conf);
        var firstTab = Render<PendingCount>();
        var secondTab = Render<PendingCount>();

        // Another circuit's thread, as when a second tab of the session stages a change. bUnit's renderer throws
        // if a component renders off its dispatcher, so this also checks that the change is marshalled.
        await Task.Run(() => Draft.Add(AddPool.Xen("fast", "/mnt/fast")));

        firstTab.WaitForAssertion(() => Assert.Equal("1 pending", firstTab.Find("p").TextContent));
        secondTab.WaitForAssertion(() => Assert.Equal("1 pending", secondTab.Find("p").TextContent));
        Assert.Equal(1, firstTab.Instance.Refreshed);
    }

    [Fact]
    public void Revert_ElsewhereAfterItWasShown_ShowsNonePending()
    {
        UseSandbox(Conf);
        Draft.Add(AddPool.Xen("fast", "/mnt/fast"));
        var cut = Render<PendingCount>();
        Assert.Equal("1 pending", cut.Find("p").TextContent);

        Draft.Revert();

        cut.WaitForAssertion(() => Assert.Equal("0 pending", cut.Find("p").TextContent));
    }

    [Fact]
    public async Task Disposed_NoLongerHearsTheDraft()
    {
        UseSandbox(Conf);
        var cut = Render<PendingCount>();
        var view = cut.Instance;

        await DisposeComponentsAsync();
        Draft.Add(AddPool.Xen("fast", "/mnt/fast"));

        Assert.Equal(0, view.Refreshed);
    }

    /// <summary>The smallest page that shows the draft.</summary>
    private sealed class PendingCount : DraftAwareComponent
    {
        public int Refreshed { get; private set; }

        protected override void OnDraftChanged() => Refreshed++;

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "p");
            builder.AddContent(1, $"{Draft.Edits.Count} pending");
            builder.CloseElement();
        }
    }
}
