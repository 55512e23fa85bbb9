namespace QubesPoolConsole.Core.Tests.Storage;

public class ConfFileStoreTests
{
    private const string Original = "[default]\ndriver=xen\n";
    private const string Edited = "[default]\ndriver=xen\n\n[p]\ndriver=xen\ndir_path=/p\n";

    [Fact]
    public void Save_AfterLoad_WritesTheTextAndKeepsThePreviousVersion()
    {
        using var box = new TempConsoleFiles(Original);
        var load = box.Store.Load();

        var save = box.Store.Save(Edited, load.Sha256);

        Assert.Equal(SaveStatus.Saved, save.Status);
        Assert.Equal(Edited, box.ConfText);
        Assert.Equal(ConfFileStore.Sha256Hex(Encoding.UTF8.GetBytes(Edited)), save.Sha256);
        var kept = Assert.Single(box.Store.History());
        Assert.Equal(Original, File.ReadAllText(kept.Path));
        Assert.Equal(save.HistoryEntry, kept.Path);
        Assert.Contains("previous version is kept as " + kept.Name, save.Message);
        Assert.InRange(kept.SavedAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public void Save_WhenTheFileChangedSinceLoad_IsAConflictAndWritesNothing()
    {
        using var box = new TempConsoleFiles(Original);
        var load = box.Store.Load();
        File.WriteAllText(box.ConfPath, Original + "# someone else\n");
        var before = box.Snapshot();

        var save = box.Store.Save(Edited, load.Sha256);

        Assert.Equal(SaveStatus.Conflict, save.Status);
        Assert.Contains("changed by someone else", save.Message);
        Assert.Contains("nothing was written", save.Message);
        Assert.Equal(Original + "# someone else\n", save.CurrentText);
        Assert.Equal(before, box.Snapshot());
    }

    [Fact]
    public void Save_WhenTheFileWasDeletedSinceLoad_IsAConflict()
    {
        using var box = new TempConsoleFiles(Original);
        var load = box.Store.Load();
        File.Delete(box.ConfPath);

        var save = box.Store.Save(Edited, load.Sha256);

        Assert.Equal(SaveStatus.Conflict, save.Status);
        Assert.Contains("was deleted since it was loaded", save.Message);
        Assert.False(File.Exists(box.ConfPath));
    }

    [Fact]
    public void Save_OfAMissingFile_CreatesIt_ButOnlyWhileItIsStillMissing()
    {
        using var box = new TempConsoleFiles((byte[]?)null);
        Assert.Equal(LoadStatus.Missing, box.Store.Load().Status);

        Assert.Equal(SaveStatus.Saved, box.Store.Save(Original, null).Status);
        Assert.Equal(SaveStatus.Conflict, box.Store.Save(Edited, null).Status);
        Assert.Equal(Original, box.ConfText);
        Assert.Empty(box.Store.History());
    }

    [Fact]
    public void Save_OfTheSameText_IsUnchangedAndKeepsNoHistory()
    {
        using var box = new TempConsoleFiles(Original);

        var save = box.Store.Save(Original, box.Store.Load().Sha256);

        Assert.Equal(SaveStatus.Unchanged, save.Status);
        Assert.Empty(box.Store.History());
    }

    [Fact]
    public void History_KeepsTheLast20Versions_NewestFirst_Timestamped()
    {
        using var box = new TempConsoleFiles("# v0\n");
        for (int i = 1; i <= 25; i++)
        {
            Assert.Equal(SaveStatus.Saved, box.Store.Save($"# v{i}\n", box.Store.Load().Sha256).Status);
        }

        var history = box.Store.History();

        Assert.Equal(20, history.Count);
        Assert.Equal(Enumerable.Range(5, 20).Reverse().Select(i => $"# v{i}\n"), history.Select(h => File.ReadAllText(h.Path)));
        Assert.All(history, h => Assert.Matches(@"^storage\.conf\.\d{8}T\d{9}Z(-\d+)?$", h.Name));
        Assert.Equal(history.OrderByDescending(h => h.SavedAt).Select(h => h.Path), history.Select(h => h.Path));
    }

    [Fact]
    public void Save_KeepsTheFilesModeAndOwner()
    {
        using var box = new TempConsoleFiles(Original);
        File.SetUnixFileMode(box.ConfPath, (UnixFileMode)0b110_110_100); // 0664, as Qubes ships it
        bool root = Tools.IsRoot;
        if (root) Tools.Exec("chown", ["65534:65534", box.ConfPath]);

        Assert.Equal(SaveStatus.Saved, box.Store.Save(Edited, box.Store.Load().Sha256).Status);

        Assert.Equal((UnixFileMode)0b110_110_100, File.GetUnixFileMode(box.ConfPath));
        if (root) Assert.Equal("65534:65534", Tools.Exec("stat", ["-c", "%u:%g", box.ConfPath]).Stdout.Trim());

        File.SetUnixFileMode(box.ConfPath, (UnixFileMode)0b110_100_000); // 0640
        Assert.Equal(SaveStatus.Saved, box.Store.Save(Original, box.Store.Load().Sha256).Status);
        Assert.Equal((UnixFileMode)0b110_100_000, File.GetUnixFileMode(box.ConfPath));
    }

    [Fact]
    public void TempLeftovers_OfACrashedWriter_AreRemovedOnTheNextSave_AndOnStart()
    {
        using var box = new TempConsoleFiles(Original);
        var leftover = Path.Combine(box.Root, AtomicFileWriter.TempPrefix + "storage.conf.0123456789ab");
        File.WriteAllText(leftover, "[default]\ndri");
        Directory.CreateDirectory(Path.Combine(box.StateDir, "history"));
        var historyLeftover = Path.Combine(box.StateDir, "history", AtomicFileWriter.TempPrefix + "storage.conf.20260101T000000000Z.0123456789ab");
        File.WriteAllText(historyLeftover, "[def");
        var unrelated = Path.Combine(box.Root, AtomicFileWriter.TempPrefix + "other.conf.0123456789ab");
        File.WriteAllText(unrelated, "not ours");

        Assert.Equal(SaveStatus.Saved, box.Store.Save(Edited, box.Store.Load().Sha256).Status);

        Assert.False(File.Exists(leftover));
        Assert.False(File.Exists(historyLeftover));
        Assert.True(File.Exists(unrelated));

        File.WriteAllText(leftover, "again");
        Assert.Equal(1, box.Store.RemoveLeftovers());
        Assert.False(File.Exists(leftover));
    }

    [Fact]
    public void Load_OfAMissingFile_SaysSo()
    {
        using var box = new TempConsoleFiles((byte[]?)null);

        var load = box.Store.Load();

        Assert.Equal(LoadStatus.Missing, load.Status);
        Assert.Null(load.Document);
        Assert.Equal(DiagnosticCodes.FileMissing, load.Problem!.Code);
        Assert.Contains("does not exist", load.Problem.Message);
        Assert.Contains("Restore the file Qubes ships", load.Problem.Message);
    }

    [Fact]
    public void Load_OfInvalidUtf8_IsUnreadableWithTheLine()
    {
        using var box = new TempConsoleFiles([.. "[default]\ndriver=xen\n# caf"u8, 0xE9, .. "\n"u8]);

        var load = box.Store.Load();

        Assert.Equal(LoadStatus.Unreadable, load.Status);
        Assert.Equal((DiagnosticCodes.NotUtf8, (int?)3), (load.Problem!.Code, load.Problem.Line));
        Assert.Contains("Line 3 has bytes that are not UTF-8", load.Problem.Message);
        Assert.NotNull(load.Sha256);
    }

    [Fact]
    public void Lock_HeldByAnotherWriter_MakesSaveFailAfterTheTimeout_WritingNothing()
    {
        using var box = new TempConsoleFiles(Original);
        var options = ConfFileStoreOptions.For(box.ConfPath, box.StateDir) with { LockTimeout = TimeSpan.FromMilliseconds(200) };
        var store = new ConfFileStore(options);
        var load = store.Load();
        using (FileLock.Acquire(options.LockPath, TimeSpan.FromSeconds(1)))
        {
            var save = store.Save(Edited, load.Sha256);

            Assert.Equal(SaveStatus.Failed, save.Status);
            Assert.Contains("Another writer has held the lock", save.Message);
            Assert.Contains("The file was not changed", save.Message);
        }
        Assert.Equal(Original, box.ConfText);
        Assert.Equal(SaveStatus.Saved, store.Save(Edited, load.Sha256).Status);
    }
}
