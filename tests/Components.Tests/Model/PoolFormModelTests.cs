namespace QubesPoolConsole.Components.Tests.Model;

public sealed class PoolFormModelTests : IDisposable
{
    private const string Text = "[default]\ndriver=xen\n\n[fast]\ndriver=xen\ndir_path=/mnt/fast\nrevisions_to_keep=2\n\n[lvm]\nclass=my.drivers.LvmPool\nvolume_group=qubes\n";
    private static readonly StorageConfDocument Doc = StorageConfDocument.Parse(Text);
    private readonly TempConsoleFiles _sandbox = new(Text, TempConsoleFiles.QubesXml(("work", "fast")));
    private readonly PoolDraft _draft;

    public PoolFormModelTests() => _draft = new PoolDraft(_sandbox.Catalog);

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void CreateCheck_BadNameAndBadDirectory_GivesEachFieldItsOwnError()
    {
        var form = new CreatePoolFormModel { Name = "DEFAULT", DirPath = "x/../y" };

        var messages = form.Check(_draft);

        Assert.Contains("is reserved", messages.ErrorText(FieldMessages.Name));
        Assert.Contains("is relative", messages.ErrorText(FieldMessages.DirPath));
        Assert.DoesNotContain("qpc-form-check", string.Join(" ", messages.All.Select(d => d.Message)));
    }

    [Fact]
    public void CreateCheck_CustomClassWithBadOptionName_PutsTheErrorOnThatOptionRow()
    {
        var form = new CreatePoolFormModel { Name = "zfs", Kind = PoolKind.CustomClass, Class = "my.drivers.Zfs" };
        form.Options[0].Key = "Bad-Key";
        form.Options[0].Value = "1";

        var messages = form.Check(_draft);

        Assert.Contains("Option name 'Bad-Key'", messages.ErrorText("Bad-Key"));
        Assert.Null(messages.ErrorText(FieldMessages.Class));

        form.Options[0].Key = "pool_name";
        var fixedMessages = form.Check(_draft);

        Assert.False(fixedMessages.HasErrors);
        Assert.Contains(fixedMessages.WarningsFor(FieldMessages.Class), d => d.Message.Contains("custom class my.drivers.Zfs"));
    }

    [Fact]
    public void EditToEdits_RemoveUnknownKeyAndMoveDirectory_UnsetsFirstThenSets()
    {
        var pool = PoolModel.Build(Doc).Single(p => p.Name == "fast");
        var form = new EditPoolFormModel(pool, Doc) { DirPath = "/mnt/new" };
        form.Options.Single(o => o.Key == "revisions_to_keep").Remove = true;

        var edits = form.ToEdits();

        Assert.Equal(2, edits.Count);
        Assert.Equal(new UnsetPoolOption("fast", "revisions_to_keep"), edits[0]);
        var set = Assert.IsType<SetPoolOptions>(edits[1]);
        Assert.Equal([KeyValuePair.Create("dir_path", "/mnt/new")], set.Options);
        Assert.True(PoolEditor.ApplyAll(Doc, edits).Ok);
    }

    [Fact]
    public void EditCheck_MoveOfAPoolWithVms_ReportsThatVmsMove()
    {
        var pool = PoolModel.Build(Doc).Single(p => p.Name == "lvm");
        var fast = PoolModel.Build(Doc).Single(p => p.Name == "fast");

        Assert.False(new EditPoolFormModel(pool, Doc).Check(_draft).MovesVms);
        Assert.True(new EditPoolFormModel(fast, Doc) { DirPath = "/elsewhere" }.Check(_draft).MovesVms);
    }
}
