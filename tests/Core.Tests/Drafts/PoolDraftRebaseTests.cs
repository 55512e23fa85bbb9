namespace QubesPoolConsole.Core.Tests.Drafts;

public class PoolDraftRebaseTests : DraftFileTests
{
    [Fact]
    public void Apply_FileChangedOnDisk_RefusesAndShowsTheDiskChange_ThenRebaseAppliesBoth()
    {
        using var files = NewFiles();
        var draft = new PoolDraft(files.Catalog, files.Audit);
        Assert.True(draft.Add(AddPool.Xen("fast", "/mnt/fast")).Ok);
        LikeAnEditor.Write(files.ConfPath, "# edited by hand\n" + Start);

        var conflict = draft.Apply("s1", "alice");

        Assert.True(conflict.IsConflict);
        Assert.Contains("+# edited by hand", conflict.DiskDiff);
        Assert.Equal("# edited by hand\n" + Start, files.ConfText);
        Assert.True(draft.ChangedOnDisk);

        Assert.True(draft.Rebase().Ok);
        Assert.False(draft.ChangedOnDisk);
        Assert.Single(draft.Edits);
        var applied = draft.Apply("s1", "alice");

        Assert.True(applied.Applied);
        Assert.Equal("# edited by hand\n" + Start + "\n[fast]\ndriver=xen\ndir_path=/mnt/fast\n", files.ConfText);
    }

    [Fact]
    public void Rebase_EditNoLongerFits_KeepsTheEditsAndTheOldBase()
    {
        using var files = NewFiles();
        var draft = new PoolDraft(files.Catalog);
        draft.Add(AddPool.Xen("fast", "/mnt/fast"));
        var before = draft.CurrentText;
        LikeAnEditor.Write(files.ConfPath, Start + "\n[fast]\ndriver=xen\ndir_path=/elsewhere\n");

        var result = draft.Rebase();

        Assert.False(result.Ok);
        Assert.Contains(result.Errors, e => e.Code == "pool-exists");
        Assert.Single(draft.Edits);
        Assert.Equal(before, draft.CurrentText);
        Assert.Equal(Start, draft.BaseText);
    }

    [Fact]
    public void Rebase_RawEditOfOtherLines_CarriesBothChanges()
    {
        using var files = NewFiles(Start + "\n[a]\ndriver=xen\ndir_path=/a\n");
        var draft = new PoolDraft(files.Catalog);
        draft.Add(new ReplaceText(Start + "\n[a]\ndriver=xen\ndir_path=/a2\n", "raw"));
        LikeAnEditor.Write(files.ConfPath, "# top\n" + Start + "\n[a]\ndriver=xen\ndir_path=/a\n");

        Assert.True(draft.Rebase().Ok);

        Assert.Equal("# top\n" + Start + "\n[a]\ndriver=xen\ndir_path=/a2\n", draft.CurrentText);
    }

    [Fact]
    public void Rebase_RawEditOfTheSameLine_IsRefusedWithAReason()
    {
        using var files = NewFiles(Start + "\n[a]\ndriver=xen\ndir_path=/a\n");
        var draft = new PoolDraft(files.Catalog);
        draft.Add(new ReplaceText(Start + "\n[a]\ndriver=xen\ndir_path=/mine\n", "raw"));
        LikeAnEditor.Write(files.ConfPath, Start + "\n[a]\ndriver=xen\ndir_path=/theirs\n");

        var result = draft.Rebase();

        Assert.False(result.Ok);
        Assert.Equal(PoolDraft.RebaseConflictCode, Assert.Single(result.Errors).Code);
        Assert.Contains("dir_path=/mine", draft.CurrentText);
    }

    [Fact]
    public void Apply_TextQubesCannotRead_IsRefusedAndNothingIsWritten()
    {
        using var files = NewFiles();
        var draft = new PoolDraft(files.Catalog);
        draft.Add(new ReplaceText("driver=xen\n[default]\n", "raw"));

        var outcome = draft.Apply("s", "u");

        Assert.NotNull(outcome.Refused);
        Assert.Contains("line 1", outcome.Refused);
        Assert.Equal(Start, files.ConfText);
    }

    [Fact]
    public void Apply_RepairOfAMalformedFile_IsWritten()
    {
        using var files = NewFiles("driver=xen\n[default]\n");
        var draft = new PoolDraft(files.Catalog);
        Assert.False(draft.Base.IsReadable);
        draft.Add(new ReplaceText(Start, "repair"));

        var outcome = draft.Apply("s", "u");

        Assert.True(outcome.Applied, outcome.Refused ?? outcome.Save?.Message);
        Assert.Equal(Start, files.ConfText);
    }

    [Fact]
    public void Apply_RestoreShippedFileWhenMissing_CreatesItByteForByte()
    {
        using var files = NewFiles(null);
        var draft = new PoolDraft(files.Catalog);
        Assert.Equal(LoadStatus.Missing, draft.Base.Load.Status);
        draft.Add(new ReplaceText(ShippedStorageConf.Text, "restore"));

        var outcome = draft.Apply("s", "u");

        Assert.True(outcome.Applied, outcome.Refused ?? outcome.Save?.Message);
        Assert.Equal(TestFixtures.ShippedStorageConf, File.ReadAllBytes(files.ConfPath));
    }

    [Fact]
    public void StageRestore_LastHistoryEntry_UndoesTheLastApply()
    {
        using var files = NewFiles();
        var draft = new PoolDraft(files.Catalog);
        draft.Add(AddPool.Xen("fast", "/mnt/fast"));
        Assert.True(draft.Apply("s", "u").Applied);

        var entry = files.Store.History()[0];
        Assert.True(draft.StageRestore(entry).Ok);
        Assert.Contains("-[fast]", draft.Diff());
        Assert.True(draft.Apply("s", "u").Applied);

        Assert.Equal(Start, files.ConfText);
    }
}
