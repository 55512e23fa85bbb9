namespace QubesPoolConsole.Core.Tests.Drafts;

/// <summary>Two editors (two sessions, or a session and the CLI) and an outside editor on one file: every conflict is caught.</summary>
public class ConcurrencyTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Original = "[default]\ndriver=xen\n\n[p]\ndriver=xen\ndir_path=/srv/p\n";

    [Fact]
    public void TwoDrafts_TheSecondToApply_GetsAConflict_AndOverwritesNothing()
    {
        using var box = new TempConsoleFiles(Original, "<QubesVmCollection/>");
        var alice = new PoolDraft(box.Catalog);
        var bob = new PoolDraft(box.Catalog);
        Assert.True(alice.Add(AddPool.Xen("a", "/srv/a")).Ok);
        Assert.True(bob.Add(new SetPoolOptions("p", [new("dir_path", "/srv/b")])).Ok);

        var first = alice.Apply("s1", "alice");
        var afterAlice = box.ConfText;
        var before = box.Snapshot();
        var second = bob.Apply("s2", "bob");

        Assert.True(first.Applied);
        Assert.True(second.IsConflict);
        Assert.False(second.Applied);
        Assert.Contains("changed by someone else", second.Save!.Message);
        Assert.Contains("+[a]", second.DiskDiff);
        Assert.Equal(before, box.Snapshot());
        Assert.Equal(afterAlice, box.ConfText);
    }

    [Fact]
    public void AfterAConflict_RebaseReplaysTheEdits_OnTheNewFile_KeepingBoth()
    {
        using var box = new TempConsoleFiles(Original, "<QubesVmCollection/>");
        var alice = new PoolDraft(box.Catalog);
        var bob = new PoolDraft(box.Catalog);
        alice.Add(AddPool.Xen("a", "/srv/a"));
        bob.Add(new SetPoolOptions("p", [new("dir_path", "/srv/b")]));
        alice.Apply("s1", "alice");
        Assert.True(bob.Apply("s2", "bob").IsConflict);

        var rebase = bob.Rebase();
        var applied = bob.Apply("s2", "bob");

        Assert.True(rebase.Ok);
        Assert.True(applied.Applied);
        Assert.Equal("[default]\ndriver=xen\n\n[p]\ndriver=xen\ndir_path=/srv/b\n\n[a]\ndriver=xen\ndir_path=/srv/a\n", box.ConfText);
        Assert.Equal(2, box.Store.History().Count);
    }

    [Fact]
    public void ExternalEditorWritesBetweenLoadAndApply_ConflictDetected_TheirTextKept()
    {
        using var box = new TempConsoleFiles(Original, "<QubesVmCollection/>");
        var draft = StageThenEditOnDisk(box, "mine", "# edited in vim\n");

        var outcome = draft.Apply("s", "u");

        Assert.True(outcome.IsConflict);
        Assert.Equal(Original + "# edited in vim\n", box.ConfText);
        Assert.Contains("+# edited in vim", outcome.DiskDiff);
        Assert.Contains("+[mine]", outcome.Diff);
    }

    [Fact]
    public void Rebase_ThatNoLongerApplies_IsRefused_WithTheReason()
    {
        using var box = new TempConsoleFiles(Original, "<QubesVmCollection/>");
        var draft = StageThenEditOnDisk(box, "a", "\n[a]\ndriver=xen\ndir_path=/srv/other\n");

        var rebase = draft.Rebase();

        Assert.False(rebase.Ok);
        Assert.Equal(Core.Diagnostics.DiagnosticCodes.PoolExists, Assert.Single(rebase.Errors).Code);
        Assert.Contains("dir_path=/srv/other", box.ConfText);
    }

    [Fact]
    public void ManyWritersRacing_EveryLoadedVersionIsSavedAtMostOnce_NoUpdateLost()
    {
        // 4 threads each try 25 read-modify-write rounds against the same file; every round that is not refused with a
        // conflict must show up in the final file, and every conflict must have left the file as it was.
        using var box = new TempConsoleFiles("[default]\ndriver=xen\n");
        int saved = 0, conflicts = 0;
        var threads = Enumerable.Range(0, 4).Select(t => new Thread(() =>
        {
            var store = new ConfFileStore(ConfFileStoreOptions.For(box.ConfPath, box.StateDir) with { HistoryLimit = 1000 });
            for (int i = 0; i < 25; i++)
            {
                var load = store.Load();
                var result = store.Save(load.Document!.ToText() + $"# t{t} r{i}\n", load.Sha256);
                if (result.Status == SaveStatus.Saved) Interlocked.Increment(ref saved);
                else if (result.Status == SaveStatus.Conflict) Interlocked.Increment(ref conflicts);
                else Assert.Fail(result.Message);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        var lines = box.ConfText.Split('\n').Count(l => l.StartsWith("# t"));
        Assert.Equal(saved, lines);
        Assert.Equal(100, saved + conflicts);
        KillLoop.Report(output, $"racing writers: 100 read-modify-write rounds by 4 threads, {saved} saved, {conflicts} conflicts detected, 0 updates lost");
    }

    // A draft that stages the xen pool name (in /srv/name), after which another editor appends text to the file.
    private static PoolDraft StageThenEditOnDisk(TempConsoleFiles box, string name, string appended)
    {
        var draft = new PoolDraft(box.Catalog);
        draft.Add(AddPool.Xen(name, "/srv/" + name));
        File.WriteAllText(box.ConfPath, Original + appended);
        return draft;
    }
}
