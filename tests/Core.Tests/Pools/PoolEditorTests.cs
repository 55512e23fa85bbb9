using static QubesPoolConsole.Core.Diagnostics.DiagnosticCodes;

namespace QubesPoolConsole.Core.Tests.Pools;

/// <summary>Every code <see cref="PoolEditor"/> refuses or warns with, and what accepted edits write.</summary>
public class PoolEditorTests
{
    private const string Base = "[default]\ndriver=xen\n\n[p]\ndriver=xen\ndir_path=/srv/p\n";

    public static TheoryData<string, PoolEdit, string, string> Refusals() => new()
    {
        { "reserved name", AddPool.Xen("DEFAULT", "/x"), ReservedSectionName, "'DEFAULT' is reserved" },
        { "reserved name, mixed case", AddPool.Xen("Default", "/x"), ReservedSectionName, "is reserved|default pool" },
        { "invalid name", AddPool.Xen("a]b", "/x"), InvalidPoolName, "Pool name 'a]b' contains ']'" },
        { "existing name", AddPool.Xen("p", "/x"), PoolExists, "A pool named 'p' already exists" },
        { "relative dir_path", AddPool.Xen("n", "rel/x"), DirPathRelative, "dir_path 'rel/x' is relative" },
        { "dir_path with '..'", AddPool.Xen("n", "/a/../b"), DirPathDotSegment, "contains '.' or '..'" },
        { "empty dir_path", AddPool.Xen("n", " "), DirPathEmpty, "dir_path is empty" },
        { "bad key", new AddPool("n", "xen", null, [new("Dir Path", "/x")]), InvalidKey, "Option name 'Dir Path'|has upper-case letters" },
        { "bad value", new AddPool("n", null, "my.pkg.Pool", [new("opt", "a ;b")]), InvalidValue, "The value of 'opt' contains ' ;'" },
        { "xen extra key on add", new AddPool("n", "xen", null, [new("dir_path", "/x"), new("size", "1")]), XenExtraKey, "'size' is not an option of the xen driver" },
        { "unknown driver on add", AddPool.Xen("n", "/x") with { Driver = "lvm" }, UnknownDriver, "driver 'lvm' is not known" },
        { "key in [default]", new SetPoolOptions("default", [new("dir_path", "/x")]), DefaultPoolHasKeys, "'dir_path' in [default]|crashes Qubes R3.2" },
        { "set on missing pool", new SetPoolOptions("nope", [new("dir_path", "/x")]), PoolNotFound, "There is no pool named 'nope'" },
        { "set on [DEFAULT]", new SetPoolOptions("DEFAULT", [new("k", "v")]), PoolNotFound, "no pool named 'DEFAULT'" },
        { "unset on missing pool", new UnsetPoolOption("nope", "dir_path"), PoolNotFound, "no pool named 'nope'" },
        { "unset dir_path of a xen pool", new UnsetPoolOption("p", "dir_path"), DirPathMissing, "has no dir_path" },
        { "remove default", new RemovePool("default"), DefaultPoolMissing, "There is no [default] section" },
        { "remove missing", new RemovePool("nope"), PoolNotFound, "no pool named 'nope'" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Edit_IsRefusedWithItsCodeAndSentence(string what, PoolEdit edit, string code, string words)
    {
        var doc = StorageConfDocument.Parse(Base);

        var result = PoolEditor.Apply(doc, edit);

        Assert.False(result.Ok, what);
        var d = Assert.Single(result.Errors, e => e.Code == code);
        foreach (var w in words.Split('|')) Assert.Contains(w, d.Message);
        Assert.Equal(Base, doc.ToText());
    }

    [Fact]
    public void AnyEdit_OfAFileQubesCannotRead_IsRefusedUntilTheTextIsFixed()
    {
        var doc = StorageConfDocument.Parse("[default]\ndriver=xen\noops\n");

        var result = PoolEditor.Apply(doc, AddPool.Xen("n", "/x"));

        var d = Assert.Single(result.Errors);
        Assert.Equal(FileUnreadable, d.Code);
        Assert.Contains("fix the errors in the text first", d.Message);
        Assert.True(PoolEditor.Apply(doc, new ReplaceText("[default]\ndriver=xen\n", "fix")).Ok);
    }

    [Theory]
    [InlineData("[default]\ndriver=xen\ndir_path=/x\n", "default", "dir_path", "/x")]
    [InlineData("[default]\ndriver=xen\n\n[p]\ndriver=xen\ndir_path=rel/p\n", "p", "dir_path", "rel/p")]
    public void SetValueItAlreadyHas_IsNoChange_EvenWhenTheConsoleWouldNotWriteItFresh(string text, string pool, string key, string value)
    {
        var doc = StorageConfDocument.Parse(text);

        var result = PoolEditor.Apply(doc, new SetPoolOptions(pool, [new(key, value)]));

        Assert.True(result.Ok);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(text, result.Document!.ToText());
    }

    [Fact]
    public void AddPool_AppendsOneSectionAndNormalisesDirPath()
    {
        var result = PoolEditor.Apply(StorageConfDocument.Parse(Base), AddPool.Xen("n", "/srv//n/"));

        Assert.True(result.Ok);
        Assert.Equal(Base + "\n[n]\ndriver=xen\ndir_path=/srv/n\n", result.Document!.ToText());
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void RemovePool_NotInUse_RemovesItsLinesOnly()
    {
        var result = PoolEditor.Apply(StorageConfDocument.Parse(Base), new RemovePool("p"));

        Assert.True(result.Ok);
        Assert.Equal("[default]\ndriver=xen\n", result.Document!.ToText());
    }

    [Fact]
    public void SetOption_ChangesOneLine_AndTheDiffSaysSo()
    {
        var doc = StorageConfDocument.Parse(Base);

        var result = PoolEditor.Apply(doc, new SetPoolOptions("p", [new("dir_path", "/srv/q")]));

        var diff = UnifiedDiff.Create(doc.ToText(), result.Document!.ToText());
        Assert.Equal(["-dir_path=/srv/p", "+dir_path=/srv/q"], diff.Split('\n').Where(l => l.Length > 0 && l[0] is '-' or '+' && !l.StartsWith("---") && !l.StartsWith("+++")));
    }

    [Fact]
    public void ApplyAll_StopsAtTheFirstRefusedEdit()
    {
        var doc = StorageConfDocument.Parse(Base);

        var result = PoolEditor.ApplyAll(doc, [AddPool.Xen("a", "/a"), AddPool.Xen("a", "/b"), AddPool.Xen("c", "/c")]);

        Assert.False(result.Ok);
        Assert.Equal(PoolExists, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void EveryEditorCode_HasACase()
    {
        var covered = Refusals().Select(r => (string)r[2]).Append(FileUnreadable).ToHashSet();
        string[] fromEditor = [ReservedSectionName, InvalidPoolName, PoolExists, InvalidKey, DirPathRelative, DirPathDotSegment, DirPathEmpty,
            InvalidValue, DefaultPoolHasKeys, DefaultPoolMissing, PoolNotFound, FileUnreadable];
        Assert.Empty(fromEditor.Except(covered));
    }
}
