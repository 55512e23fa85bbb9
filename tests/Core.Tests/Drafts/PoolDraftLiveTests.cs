namespace QubesPoolConsole.Core.Tests.Drafts;

public class PoolDraftLiveTests : DraftFileTests
{
    [Fact]
    public void Refresh_NoPendingEdits_TakesTheFileFromDisk()
    {
        using var files = NewFiles();
        var draft = new PoolDraft(files.Catalog);
        int changed = 0;
        draft.Changed += () => changed++;
        LikeAnEditor.Write(files.ConfPath, Start + "\n[b]\ndriver=xen\ndir_path=/b\n");

        draft.Refresh();

        Assert.Contains("[b]", draft.BaseText);
        Assert.False(draft.ChangedOnDisk);
        Assert.Equal(1, changed);
    }

    [Fact]
    public void Refresh_WithPendingEdits_KeepsThemAndFlagsTheDiskChange()
    {
        using var files = NewFiles();
        var draft = new PoolDraft(files.Catalog);
        draft.Add(AddPool.Xen("fast", "/mnt/fast"));
        LikeAnEditor.Write(files.ConfPath, "# x\n" + Start);

        draft.Refresh();

        Assert.True(draft.ChangedOnDisk);
        Assert.Single(draft.Edits);
        Assert.Equal(Start, draft.BaseText);
    }

    [Fact]
    public void Refresh_OnlyQubesXmlChanged_KeepsEditsAndSeesTheNewVm()
    {
        using var files = NewFiles();
        var draft = new PoolDraft(files.Catalog);
        draft.Add(AddPool.Xen("fast", "/mnt/fast"));
        LikeAnEditor.Write(files.QubesXmlPath,
            "<QubesVmCollection>\n  <QubesAppVm qid=\"1\" name=\"work\" label=\"red\" pool_name=\"default\" template_qid=\"none\"/>\n</QubesVmCollection>\n");

        draft.Refresh();

        Assert.False(draft.ChangedOnDisk);
        Assert.Single(draft.Edits);
        Assert.Single(draft.Base.VmsIn("default"));
    }

    [Fact]
    public async Task Watcher_FileReplacedByRename_DraftReloadsWithoutBeingAsked()
    {
        using var files = NewFiles();
        using var watcher = new FileChangeWatcher([files.ConfPath, files.QubesXmlPath], TimeSpan.FromMilliseconds(50));
        using var draft = new PoolDraft(files.Catalog, watcher: watcher);
        var reloaded = new TaskCompletionSource();
        draft.Changed += () => { if (draft.BaseText.Contains("[b]")) reloaded.TrySetResult(); };

        LikeAnEditor.Write(files.ConfPath, Start + "\n[b]\ndriver=xen\ndir_path=/b\n");

        await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
