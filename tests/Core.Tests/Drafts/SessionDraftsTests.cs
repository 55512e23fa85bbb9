using QubesPoolConsole.Core.Drafts;
using QubesPoolConsole.Core.Pools;
using QubesPoolConsole.Core.Storage;

namespace QubesPoolConsole.Core.Tests.Drafts;

public sealed class SessionDraftsTests : IDisposable
{
    private const string Start = "[default]\ndriver=xen\n";

    // Every test starts from the same files; only the watcher test builds its own SessionDrafts.
    private readonly TempConsoleFiles _files = new(Start, "<QubesVmCollection/>");
    private readonly SessionDrafts _drafts;

    public SessionDraftsTests() => _drafts = new SessionDrafts(_files.Catalog);

    public void Dispose()
    {
        _drafts.Dispose();
        _files.Dispose();
    }

    [Fact]
    public void For_SameSessionTwice_GivesOneDraft_AnEditInOneIsSeenByTheOther()
    {
        var firstTab = _drafts.For("s1");
        var secondTab = _drafts.For("s1");
        var seen = 0;
        secondTab.Changed += () => seen++;

        firstTab.Add(AddPool.Xen("fast", "/mnt/fast"));

        Assert.Same(firstTab, secondTab);
        Assert.Single(secondTab.Edits);
        Assert.Equal(1, seen);
        Assert.Equal(1, _drafts.PendingCount("s1"));
    }

    [Fact]
    public void For_DifferentSessions_KeepSeparateDrafts()
    {

        _drafts.For("alice").Add(AddPool.Xen("fast", "/mnt/fast"));

        Assert.NotSame(_drafts.For("alice"), _drafts.For("bob"));
        Assert.Empty(_drafts.For("bob").Edits);
        Assert.Equal(0, _drafts.PendingCount("bob"));
    }

    [Fact]
    public void End_DropsThePendingChanges_TheNextDraftOfTheIdStartsFromTheFile()
    {
        var old = _drafts.For("s1");
        old.Add(AddPool.Xen("fast", "/mnt/fast"));
        old.Add(AddPool.Xen("slow", "/mnt/slow"));

        var ended = _drafts.End("s1");

        Assert.Equal(2, ended);
        Assert.Equal(0, _drafts.Count);
        Assert.Equal(0, _drafts.PendingCount("s1"));
        Assert.Empty(_drafts.For("s1").Edits);
        Assert.Equal(Start, _files.ConfText);
        Assert.Equal(0, _drafts.End("never-seen"));
    }

    [Fact]
    public void Apply_InOneTab_LeavesNothingPendingForTheSession()
    {
        _drafts.For("s1").Add(AddPool.Xen("fast", "/mnt/fast"));

        var outcome = _drafts.For("s1").Apply("s1", "user");

        Assert.True(outcome.Applied, outcome.Refused ?? outcome.Save?.Message);
        Assert.False(_drafts.For("s1").HasChanges);
        Assert.Equal(0, _drafts.PendingCount("s1"));
        Assert.Contains("[fast]", _files.ConfText);
    }

    [Fact]
    public void For_ManyThreadsAtOnce_AllGetTheSameDraft()
    {

        var got = new PoolDraft[16];
        Parallel.For(0, got.Length, i => got[i] = _drafts.For("s1"));

        Assert.All(got, d => Assert.Same(got[0], d));
    }

    [Fact]
    public async Task Watcher_FileChangedOnDisk_RefreshesEverySessionsDraft_EvenAfterAPageDisposedIt()
    {
        using var watcher = new FileChangeWatcher([_files.ConfPath, _files.QubesXmlPath], TimeSpan.FromMilliseconds(50));
        using var drafts = new SessionDrafts(_files.Catalog, watcher: watcher);
        var clean = drafts.For("clean");
        var editing = drafts.For("editing");
        editing.Add(AddPool.Xen("fast", "/mnt/fast"));
        // A page's scope disposes the draft it was given; the session's draft must keep following the disk.
        clean.Dispose();
        editing.Dispose();
        var flagged = new TaskCompletionSource();
        editing.Changed += () => { if (editing.ChangedOnDisk) flagged.TrySetResult(); };

        LikeAnEditor.Write(_files.ConfPath, Start + "\n[b]\ndriver=xen\ndir_path=/b\n");

        await flagged.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("[b]", clean.BaseText);
        Assert.Single(editing.Edits);
    }
}
