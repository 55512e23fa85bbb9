namespace QubesPoolConsole.Core.Tests.Config;

public class EditTests
{
    private static readonly Gen<(string Text, int Pick, string Value)> ValidFileWithEdit =
        Gen.Select(ConfGen.ValidFile, Gen.Int[0, 100], Gen.Int[0, 99999].Select(n => "/srv/pools/new" + n));

    [Fact]
    public void SetOption_OnGeneratedFiles_ChangesExactlyThatLineInTheDiff()
    {
        ValidFileWithEdit.Sample(t =>
        {
            var doc = StorageConfDocument.Parse(t.Text);
            var pools = doc.Sections.Where(s => s.Name != "default").ToList();
            if (pools.Count == 0) return;
            var pool = pools[t.Pick % pools.Count];
            var option = pool.Options["dir_path"];
            var oldLine = doc.Lines[option.Line - 1];

            var edited = doc.SetOption(pool.Name, "dir_path", t.Value);

            var hunk = Assert.Single(UnifiedDiff.Hunks(doc.ToText(), edited.ToText()));
            var removed = Assert.Single(hunk.Lines, l => l.Kind == QubesPoolConsole.Core.Diffs.DiffLineKind.Removed);
            var added = Assert.Single(hunk.Lines, l => l.Kind == QubesPoolConsole.Core.Diffs.DiffLineKind.Added);
            Assert.Equal(option.Line, removed.OldNumber);
            Assert.Equal(option.Line, added.NewNumber);
            var newLine = edited.Lines[option.Line - 1];
            Assert.Equal(oldLine.Text[..oldLine.ValueStart] + t.Value + oldLine.Text[oldLine.ValueEnd..], newLine.Text);
            Assert.Equal(oldLine.Eol, newLine.Eol);
            Assert.Equal(t.Value, edited.FindSection(pool.Name)!.Options["dir_path"].Value);
            foreach (var other in doc.Sections.Where(s => s.Name != pool.Name))
            {
                Assert.Equal(other.Options.Values, edited.FindSection(other.Name)!.Options.Values);
            }
        }, iter: 1000);
    }

    [Fact]
    public void AddThenRemovePool_OnGeneratedValidFiles_GivesBackTheInput()
    {
        ConfGen.ValidFile.Sample(AddThenRemoveGivesBack, iter: 1000);
    }

    [Fact]
    public void AddThenRemovePool_OnAnyGeneratedFile_GivesBackTheInput()
    {
        ConfGen.AnyFile.Sample(AddThenRemoveGivesBack, iter: 2000);
    }

    private static void AddThenRemoveGivesBack(string text)
    {
        var doc = StorageConfDocument.Parse(text);
        if (doc.FindSection("added") is not null) return;

        var added = doc.AddSection("added", [new("driver", "xen"), new("dir_path", "/srv/added")]);

        var section = added.FindSection("added")!;
        Assert.Equal([("driver", "xen"), ("dir_path", "/srv/added")], section.Options.Values.Select(o => (o.Key, o.Value)));
        Assert.Equal(text, added.RemoveSection("added").ToText());
    }

    [Theory]
    [InlineData("[default]\ndriver=xen\n", "[default]\ndriver=xen\n\n[p]\ndriver=xen\n")]
    [InlineData("[default]\r\ndriver = xen\r\n", "[default]\r\ndriver = xen\r\n\r\n[p]\r\ndriver = xen\r\n")]
    [InlineData("[default]\ndriver=xen", "[default]\ndriver=xen\n\n[p]\ndriver=xen")]
    [InlineData("[default]\ndriver=xen\n\n\n", "[default]\ndriver=xen\n\n[p]\ndriver=xen\n\n\n")]
    [InlineData("", "[p]\ndriver=xen\n")]
    public void AddSection_UsesTheFilesLineEndingSeparatorAndFinalNewline(string before, string after)
    {
        var doc = StorageConfDocument.Parse(before).AddSection("p", [new("driver", "xen")]);

        Assert.Equal(after, doc.ToText());
    }

    [Theory]
    [InlineData("[p]\ndir_path = /old ; keep me\n", "[p]\ndir_path = /new ; keep me\n")]
    [InlineData("[p]\ndir_path:/old\r\n", "[p]\ndir_path:/new\r\n")]
    [InlineData("[p]\ndir_path=/old\n  continued\n# c\nx=1\n", "[p]\ndir_path=/new\n# c\nx=1\n")]
    [InlineData("[p]\ndir_path=/a\ndir_path=/old\n", "[p]\ndir_path=/a\ndir_path=/new\n")]
    [InlineData("[p]\nDIR_PATH=/old", "[p]\nDIR_PATH=/new")]
    [InlineData("[p]\ndriver=xen\n\n[q]\n", "[p]\ndriver=xen\ndir_path=/new\n\n[q]\n")]
    [InlineData("[p]\ndriver : xen\n", "[p]\ndriver : xen\ndir_path : /new\n")]
    public void SetOption_KeepsTheLinesStyleAndChangesOnlyTheValue(string before, string after)
    {
        var doc = StorageConfDocument.Parse(before).SetOption("p", "dir_path", "/new");

        Assert.Equal(after, doc.ToText());
    }

    [Fact]
    public void SetOption_SameValue_ReturnsTheSameDocument()
    {
        var doc = StorageConfDocument.Parse("[p]\ndir_path = /x ; c\n");

        Assert.Same(doc, doc.SetOption("p", "dir_path", "/x"));
    }

    [Theory]
    [InlineData("[p]\na=1\nk=v\n  more\nb=2\n", "[p]\na=1\nb=2\n")]
    [InlineData("[p]\nk=1\n[q]\nk=2\n[p]\nk=3", "[p]\n[q]\nk=2\n[p]")]
    [InlineData("[p]\na=1\nk=v", "[p]\na=1")]
    [InlineData("[p]\na=1\r\nK = v\r\n", "[p]\na=1\r\n")]
    public void RemoveOption_RemovesEveryDefinitionAndItsContinuations(string before, string after)
    {
        Assert.Equal(after, StorageConfDocument.Parse(before).RemoveOption("p", "k").ToText());
    }

    // RemoveSection's documented behaviour (StorageConfDocument.Edits.cs): comments above the header stay, comments
    // between its options go, comments and blank lines after its last option stay, one blank line before it goes.
    [Theory]
    [InlineData("[default]\ndriver=xen\n\n# about p\n[p]\ndriver=xen\n", "[default]\ndriver=xen\n\n# about p\n", "a comment above the header stays")]
    [InlineData("[default]\ndriver=xen\n\n[p]\ndriver=xen\n# inside\ndir_path=/x\n", "[default]\ndriver=xen\n", "a comment between its options goes")]
    [InlineData("[default]\ndriver=xen\n\n[p]\ndriver=xen\n# about q\n[q]\ndriver=xen\n", "[default]\ndriver=xen\n\n# about q\n[q]\ndriver=xen\n", "a comment after its last option stays")]
    [InlineData("[default]\ndriver=xen\n\n[p]\ndriver=xen\n\n[q]\nk=1\n", "[default]\ndriver=xen\n\n[q]\nk=1\n", "one blank line before goes when a blank line follows")]
    [InlineData("[default]\ndriver=xen\n[p]\ndriver=xen\n[q]\nk=1\n", "[default]\ndriver=xen\n[q]\nk=1\n", "no blank lines: only its own lines go")]
    [InlineData("[p]\nk=1\n[default]\ndriver=xen\n[p]\nj=2\n", "[default]\ndriver=xen\n", "every block of a duplicated section goes")]
    [InlineData("[default]\ndriver=xen\n\n[p]\ndriver=xen", "[default]\ndriver=xen", "the last line keeps the file's missing final newline")]
    [InlineData("[default]\r\ndriver=xen\r\n\r\n[p] ; trailing\r\ndriver=xen ; c\r\n  cont\r\n", "[default]\r\ndriver=xen\r\n", "header with trailing text and continuation lines")]
    public void RemoveSection_TreatsNearbyCommentsAsDocumented(string before, string after, string what)
    {
        var doc = StorageConfDocument.Parse(before).RemoveSection("p");

        Assert.True(after == doc.ToText(), $"{what}: got {doc.ToText()}");
        Assert.Null(doc.FindSection("p"));
    }

    [Fact]
    public void Edits_OfMissingSections_OrUnsafeText_AreRefusedAsBugs()
    {
        var doc = StorageConfDocument.Parse("[default]\ndriver=xen\n");

        Assert.Throws<ArgumentException>(() => doc.SetOption("nope", "k", "v"));
        Assert.Throws<ArgumentException>(() => doc.RemoveSection("nope"));
        Assert.Throws<ArgumentException>(() => doc.AddSection("default", []));
        Assert.Throws<ArgumentException>(() => doc.AddSection("a]b", []));
        Assert.Throws<ArgumentException>(() => doc.SetOption("default", "k", "a\nb"));
        Assert.Throws<ArgumentException>(() => doc.SetOption("default", "a=b", "v"));
        Assert.Throws<ArgumentException>(() => doc.SetOption("default", "k", "x ;y"));
        Assert.Equal("[default]\ndriver=xen\n", doc.ToText());
    }
}
