using QubesPoolConsole.Core.Drafts;
using QubesPoolConsole.Core.Pools;
using QubesPoolConsole.Core.Storage;

namespace QubesPoolConsole.Core.Tests.Drafts;

public class SessionDraftsTests
{
    private const string Start = "[default]\ndriver=xen\n";

    [Fact]
    public void For_SameSessionTwice_GivesOneDraft_AnEditInOneIsSeenByTheOther()
    {
        using var files = new TempConsoleFiles(Start, "<QubesVmCollection/>");
        using var drafts = new SessionDrafts(files.Catalog);
        var firstTab = drafts.For("s1");
        var secondTab = drafts.For("s1");
        var seen = 0;
        secondTab.Changed += () => seen++;

        firstTab.Add(AddPool.Xen("fast", "/mnt/fast"));

        Assert.Same(firstTab, secondTab);
        Assert.Single(secondTab.Edits);
        Assert.Equal(1, seen);
        Assert.Equal(1, drafts.PendingCount("s1"));
    }

    [Fact]
    public void For_DifferentSessions_KeepSeparateDrafts()
    {
        using var files = new TempConsoleFiles(Start, "<QubesVmCollection/>");
        using var drafts = new SessionDrafts(files.Catalog);

        drafts.For("alice").Add(AddPool.Xen("fast", "/mnt/fast"));

        Assert.NotSame(drafts.For("alice"), drafts.For("bob"));
        Assert.Empty(drafts.For("bob").Edits);
        Assert.Equal(0, drafts.PendingCount("bob"));
    }

    [Fact]
    public void End_DropsThePendingChanges_TheNextDraftOfTheIdStartsFromTheFile()
    {
        using var files = new TempConsoleFiles(Start, "<QubesVmCollection/>");
        using var drafts = new SessionDrafts(files.Catalog);
        var old = drafts.For("s1");
        old.Add(AddPool.Xen("fast", "/mnt/fast"));
        old.Add(AddPool.Xen("slow", "/mnt/slow"));

        var ended = drafts.End("s1");

        Assert.Equal(2, ended);
        Assert.Equal(0, drafts.Count);
        Assert.Equal(0, drafts.PendingCount("s1"));
        Assert.Empty(drafts.For("s1").Edits);
        Assert.Equal(Start, files.ConfText);
        Assert.Equal(0, drafts.End("never-seen"));
    }

    [Fact]
    public void Apply_InOneTab_LeavesNothingPendingForTheSession()
    {
        using var files = new TempConsoleFiles(Start, "<QubesVmCollection/>");
        using var drafts = new SessionDrafts(files.Catalog);
        drafts.For("s1").Add(AddPool.Xen("fast", "/mnt/fast"));

        var outcome = drafts.For("s1").Apply("s1", "user");

        Assert.True(outcome.Applied, outcome.Refused ?? outcome.Save?.Message);
        Assert.False(drafts.For("s1").HasChanges);
        Assert.Equal(0, drafts.PendingCount("s1"));
        Assert.Contains("[fast]", files.ConfText);
    }

    [Fact]
    public void For_ManyThreadsAtOnce_AllGetTheSameDraft()
    {
        using var files = new TempConsoleFiles(Start, "<QubesVmCollection/>");
        using var drafts = new SessionDrafts(files.Catalog);

        var got = new PoolDraft[16];
        Parallel.For(0, got.Length, i => got[i] = drafts.For("s1"));

        Assert.All(got, d => Assert.Same(got[0], d));
    }

    [Fact]
    public async Task Watcher_FileChangedOnDisk_RefreshesEverySessionsDraft_EvenAfterAPageDisposedIt()
    {
        using var files = new TempConsoleFiles(Start, "<QubesVmCollection/>");
        using var watcher = new FileChangeWatcher([files.ConfPath, files.QubesXmlPath], TimeSpan.FromMilliseconds(50));
        using var drafts = new SessionDrafts(files.Catalog, watcher: watcher);
        var clean = drafts.For("clean");
        var editing = drafts.For("editing");
        editing.Add(AddPool.Xen("fast", "/mnt/fast"));
        // A page's scope disposes the draft it was given; the session's draft must keep following the disk.
        clean.Dispose();
        editing.Dispose();
        var flagged = new TaskCompletionSource();
        editing.Changed += () => { if (editing.ChangedOnDisk) flagged.TrySetResult(); };

        LikeAnEditor.Write(files.ConfPath, Start + "\n[b]\ndriver=xen\ndir_path=/b\n");

        await flagged.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("[b]", clean.BaseText);
        Assert.Single(editing.Edits);
    }
}
