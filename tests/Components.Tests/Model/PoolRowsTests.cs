namespace QubesPoolConsole.Components.Tests.Model;

public class PoolRowsTests
{
    private static readonly Func<string, SpaceInfo> NoDisk = _ => new SpaceInfo(null, null, "not probed in this test");

    [Fact]
    public void Build_DraftWithAddChangeAndRemove_MarksEachRow()
    {
        using var sandbox = new TempConsoleFiles(
            "[default]\ndriver=xen\n\n[a]\ndriver=xen\ndir_path=/a\n\n[b]\ndriver=xen\ndir_path=/b\n\n[c]\ndriver=xen\ndir_path=/c\n",
            TempConsoleFiles.QubesXml(("vm1", "a"), ("vm2", "a")));
        var draft = new Core.Drafts.PoolDraft(sandbox.Catalog);
        Assert.True(draft.Add(new SetPoolOptions("b", [new("dir_path", "/b2")])).Ok);
        Assert.True(draft.Add(new RemovePool("c")).Ok);
        Assert.True(draft.Add(AddPool.Xen("d", "/d")).Ok);

        var rows = PoolRows.Build(draft, NoDisk).ToDictionary(r => r.Name);

        Assert.Equal(PoolRowStatus.Unchanged, rows["a"].Status);
        Assert.Equal(2, rows["a"].VmCount);
        Assert.Equal(PoolRowStatus.Changed, rows["b"].Status);
        Assert.Equal("/b2", rows["b"].DirPath);
        Assert.Equal(PoolRowStatus.Removed, rows["c"].Status);
        Assert.Equal(PoolRowStatus.New, rows["d"].Status);
        Assert.True(rows["default"].DirPathImplied);
        Assert.Equal("not probed in this test", rows["d"].Space!.UnknownReason);
    }

    [Fact]
    public void Build_ExistingDirectory_ProbesItsSpace()
    {
        using var sandbox = new TempConsoleFiles($"[default]\ndriver=xen\n\n[here]\ndriver=xen\ndir_path={Path.GetTempPath().TrimEnd('/')}\n");
        var draft = new Core.Drafts.PoolDraft(sandbox.Catalog);

        var row = PoolRows.Build(draft).Single(r => r.Name == "here");

        Assert.True(row.Space!.Known);
        Assert.True(row.Space.TotalBytes > 0);
    }

    [Theory]
    [InlineData("FAST", true)]
    [InlineData("/mnt", true)]
    [InlineData("pending", false)]
    [InlineData("new", true)]
    [InlineData("lvm", false)]
    public void Matches_Text_SearchesNameDriverDirectoryAndStatus(string filter, bool expected)
    {
        var row = new PoolRow("fast", "xen", "/mnt/fast", false, 0, null, 0, 0, PoolRowStatus.New);

        Assert.Equal(expected, row.Matches(filter));
    }
}
