using static QubesPoolConsole.Core.Diagnostics.DiagnosticCodes;

namespace QubesPoolConsole.Core.Tests.Reliability;

/// <summary>
/// Values a pool form (or the CLI) may send: names, paths, option names and values with ']', line breaks, '=', ';', '..',
/// control characters, 10,000 characters and shell metacharacters. Each is refused by Core with its code and a sentence,
/// the draft stays empty, and no file changes.
/// </summary>
public class BadFormValueTests
{
    private const string Conf = "[default]\ndriver=xen\n\n[p]\ndriver=xen\ndir_path=/srv/p\n\n[c]\nclass=my.pkg.Pool\nopt=1\n";
    private static readonly string Long = new('a', 10_000);

    public static TheoryData<string, string, string> Names() => Rows(
        ("", InvalidPoolName, "is empty"), ("a]b", InvalidPoolName, "contains ']'"), ("[x", InvalidPoolName, "contains '['"),
        ("a\nb", InvalidPoolName, "a line break"), ("a\r", InvalidPoolName, "a carriage return"), ("a=b", InvalidPoolName, "contains '='"),
        ("a;b", InvalidPoolName, "contains ';'"), ("a:b", InvalidPoolName, "contains ':'"), ("a#b", InvalidPoolName, "contains '#'"),
        ("a b", InvalidPoolName, "a space"), ("a\tb", InvalidPoolName, "a tab"), ("..", InvalidPoolName, "path component"),
        (".", InvalidPoolName, "path component"), ("a/b", InvalidPoolName, "contains '/'"), ("../etc", InvalidPoolName, "contains '/'"),
        ("a\0b", InvalidPoolName, "a NUL byte"), ("x\u0001", InvalidPoolName, "U+0001"), ("x\u007F", InvalidPoolName, "U+007F"),
        (Long, InvalidPoolName, "10000 characters long"), (new string('p', 65), InvalidPoolName, "65 characters long"),
        ("$(reboot)", InvalidPoolName, "contains '$'"), ("`id`", InvalidPoolName, "contains '`'"), ("a|b", InvalidPoolName, "contains '|'"),
        ("a&&b", InvalidPoolName, "contains '&'"), ("a>b", InvalidPoolName, "contains '>'"), ("a'b", InvalidPoolName, "contains '''"),
        ("a\"b", InvalidPoolName, "contains '\"'"), ("*", InvalidPoolName, "contains '*'"), ("~root", InvalidPoolName, "contains '~'"),
        ("pööl", InvalidPoolName, "contains 'ö'"), ("a\u202Eb", InvalidPoolName, "U+202E"), ("a\u00A0b", InvalidPoolName, "U+00A0"),
        ("\uFEFFp", InvalidPoolName, "U+FEFF"), ("default", ReservedSectionName, "is reserved"), ("DEFAULT", ReservedSectionName, "is reserved"),
        ("Default", ReservedSectionName, "is reserved"), ("dEfAuLt", ReservedSectionName, "is reserved"), ("p", PoolExists, "already exists"),
        ("c", PoolExists, "already exists"));

    public static TheoryData<string, string, string> Paths() => Rows(
        ("", DirPathEmpty, "is empty"), ("   ", DirPathEmpty, "is empty"), ("relative", DirPathRelative, "is relative"),
        ("./x", DirPathRelative, "is relative"), ("~/pools", DirPathRelative, "is relative"), ("/a/../etc", DirPathDotSegment, "'.' or '..'"),
        ("/a/./b", DirPathDotSegment, "'.' or '..'"), ("/..", DirPathDotSegment, "'.' or '..'"), ("/a\nb", DirPathControlCharacter, "a line break"),
        ("/a\rb", DirPathControlCharacter, "a carriage return"), ("/a\0b", DirPathControlCharacter, "a NUL byte"), ("/a\tb", DirPathControlCharacter, "a tab"),
        ("/x\u0007", DirPathControlCharacter, "U+0007"), ("/" + Long, DirPathTooLong, "10001 characters long"),
        ("/x ;comment", InvalidValue, "contains ' ;'"), ("/x\t;y", DirPathControlCharacter, "a tab"), ("/x ", InvalidValue, "ends with whitespace"),
        ("/srv/p\n[evil]\ndriver=xen", DirPathControlCharacter, "a line break"), ("$(reboot)", DirPathRelative, "is relative"),
        ("`id`/x", DirPathRelative, "is relative"), ("; /x", DirPathRelative, "is relative"));

    public static TheoryData<string, string, string> Keys() => Rows(
        ("", InvalidKey, "is empty"), ("a=b", InvalidKey, "contains '=' or ':'"), ("a:b", InvalidKey, "contains '=' or ':'"),
        ("a\nb", InvalidKey, "a line break"), ("a\0", InvalidKey, "a line break or NUL"), (" a", InvalidKey, "whitespace"),
        ("a ", InvalidKey, "whitespace"), ("[a", InvalidKey, "starts with '['"), ("#a", InvalidKey, "starts with '['"),
        (";a", InvalidKey, "starts with '['"), ("rem", InvalidKey, "the word 'rem'"), ("rem x", InvalidKey, "the word 'rem'"),
        ("Dir_Path", InvalidKey, "upper-case"), ("a b", InvalidKey, "Python identifier"), ("1a", InvalidKey, "Python identifier"),
        ("a-b", InvalidKey, "Python identifier"), ("a.b", InvalidKey, "Python identifier"), ("ä", InvalidKey, "Python identifier"),
        (Long, InvalidKey, "Python identifier"), ("$(x)", InvalidKey, "Python identifier"), ("vm", ReservedKey, "cannot be a pool option"),
        ("name", ReservedKey, "cannot be a pool option"));

    public static TheoryData<string, string, string> Values() => Rows(
        ("a\nb", InvalidValue, "a line break"), ("a\r", InvalidValue, "a line break"), ("a\0", InvalidValue, "NUL"),
        (" a", InvalidValue, "whitespace"), ("a ", InvalidValue, "whitespace"), ("\t", InvalidValue, "whitespace"),
        (";a", InvalidValue, "starts with ';'"), ("a ;b", InvalidValue, "contains ' ;'"), ("a\t;b", InvalidValue, "contains ' ;'"),
        ("\"\"", InvalidValue, "reads as an empty value"), (Long + "\n", InvalidValue, "a line break"),
        ("x\n[default]\ndir_path=/evil", InvalidValue, "a line break"));

    [Theory]
    [MemberData(nameof(Names))]
    public void PoolName_IsRefused(string value, string code, string words)
        => AssertRefused(AddPool.Xen(value, "/srv/new"), code, words);

    [Theory]
    [MemberData(nameof(Paths))]
    public void NewPoolDirPath_IsRefused(string value, string code, string words)
        => AssertRefused(AddPool.Xen("n", value), code, words);

    [Theory]
    [MemberData(nameof(Paths))]
    public void ChangedDirPath_IsRefused(string value, string code, string words)
        => AssertRefused(new SetPoolOptions("p", [new("dir_path", value)]), code, words);

    [Theory]
    [MemberData(nameof(Keys))]
    public void OptionName_IsRefused(string value, string code, string words)
        => AssertRefused(new SetPoolOptions("c", [new(value, "v")]), code, words);

    [Theory]
    [MemberData(nameof(Values))]
    public void OptionValue_IsRefused(string value, string code, string words)
        => AssertRefused(new SetPoolOptions("c", [new("opt", value)]), code, words);

    [Theory]
    [MemberData(nameof(Values))]
    public void DriverValue_IsRefused(string value, string code, string words)
        => AssertRefused(AddPool.Xen("n", "/srv/n") with { Driver = value }, code, words);

    [Theory]
    [MemberData(nameof(Values))]
    public void ClassValue_IsRefused(string value, string code, string words)
        => AssertRefused(new AddPool("n", null, value, []), code, words);

    [Theory]
    [InlineData("/srv/$(reboot)")]
    [InlineData("/srv/`id`;x")]
    [InlineData("/srv/a|b&c>d")]
    [InlineData("/srv/x;y")]
    public void ShellMetacharactersInAnAbsolutePath_AreWrittenLiterally_AndReadBackExactly(string path)
    {
        // Legal path characters: Core never runs a shell, and Qubes reads the value back unchanged.
        using var box = new TempConsoleFiles(Conf);
        var draft = new PoolDraft(box.Catalog);

        Assert.True(draft.Add(AddPool.Xen("n", path)).Ok);
        Assert.True(draft.Apply("s", "u").Applied);

        Assert.Equal(path, box.Store.Load().Document!.FindSection("n")!.Options["dir_path"].Value);
    }

    private static void AssertRefused(PoolEdit edit, string code, string words)
    {
        using var box = new TempConsoleFiles(Conf);
        var before = box.Snapshot();
        var draft = new PoolDraft(box.Catalog);

        var result = draft.Add(edit);

        Assert.False(result.Ok);
        var d = Assert.Single(result.Errors, e => e.Code == code);
        Assert.Contains(words, d.Message);
        Assert.InRange(d.Message.Length, 10, 400);
        Assert.DoesNotContain('\n', d.Message);
        Assert.Empty(draft.Edits);
        Assert.Equal(Conf, draft.Current!.ToText());
        Assert.Equal(before, box.Snapshot());
    }

    private static TheoryData<string, string, string> Rows(params (string Value, string Code, string Words)[] rows)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (v, c, w) in rows) data.Add(v, c, w);
        return data;
    }
}
