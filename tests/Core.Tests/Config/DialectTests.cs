namespace QubesPoolConsole.Core.Tests.Config;

/// <summary>
/// Qubes R3.2 reads storage.conf with Python 2.7's RawConfigParser. These expectations are written by hand from its
/// source (ConfigParser.py, RawConfigParser._read); <see cref="Python2_AgreesWithEveryHandWrittenExpectation"/>
/// checks each of them against a real Python 2.7 when one is installed.
/// </summary>
public class DialectTests
{
    public static TheoryData<string, string, string> Cases() => new()
    {
        // Inline ';' comments: only when the first ';' of the value follows whitespace.
        { "inline ; after a space is a comment", "[p]\ndir_path=/x ;c\n", "[p] dir_path=/x" },
        { "inline ; after a tab is a comment", "[p]\ndir_path=/x\t;c\n", "[p] dir_path=/x" },
        { "a glued ; is part of the value", "[p]\ndir_path=/x;c\n", "[p] dir_path=/x;c" },
        { "only the first ; counts", "[p]\nk=a;b ;c\n", "[p] k=a;b ;c" },
        { "a value starting with ; (LF): Python looks at the last character", "[p]\nk=;c\n", "[p] k=;c" },
        { "a value starting with ; and a trailing space", "[p]\nk=;c \n", "[p] k=" },
        { "a value starting with ; (CRLF): the \\r is whitespace", "[p]\r\nk=;c\r\n", "[p] k=" },
        { "a value starting with ; on a last line without newline", "[p]\nk = ;c", "[p] k=;c" },
        { "a # inside a value is kept", "[p]\nk=a # b\n", "[p] k=a # b" },
        // Separators.
        { "':' separates too", "[p]\ndriver: xen\n", "[p] driver=xen" },
        { "the first of ':' and '=' wins (':' first)", "[p]\na:b=c\n", "[p] a=b=c" },
        { "the first of ':' and '=' wins ('=' first)", "[p]\na=b:c\n", "[p] a=b:c" },
        { "spaces and tabs around the separator", "[p]\nk \t=\t v  \n", "[p] k=v" },
        { "a name with a space inside", "[p]\nx y = 1\n", "[p] x y=1" },
        { "an empty value", "[p]\nk=\n", "[p] k=" },
        { "\"\" reads as an empty value", "[p]\nk=\"\"\n", "[p] k=" },
        { "\"x\" keeps its quotes", "[p]\nk=\"x\"\n", "[p] k=\"x\"" },
        // Names.
        { "option names are lower-cased", "[p]\nDir_Path=/x\n", "[p] dir_path=/x" },
        { "section names are case-sensitive", "[Pool]\na=1\n[pool]\na=2\n", "[Pool] a=1 | [pool] a=2" },
        { "non-ASCII letters are not lower-cased", "[p]\nÄB=1\n", "[p] Äb=1" },
        // Comments.
        { "# and ; comment lines", "[p]\n# a\n; b\nk=v\n", "[p] k=v" },
        { "rem comment", "[p]\nrem a remark\nk=v\n", "[p] k=v" },
        { "REM in capitals", "[p]\nREM x=1\n", "[p] " },
        { "rem followed by a tab", "[p]\nrem\t=1\n", "[p] " },
        { "'rem=1' is an option named rem", "[p]\nrem=1\n", "[p] rem=1" },
        { "'remark=1' is an option", "[p]\nremark=1\n", "[p] remark=1" },
        { "a comment before the first header is fine", "# c\n; d\nrem e\n\n[p]\n", "[p] " },
        // Continuation lines.
        { "an indented line continues the value", "[p]\nk=a\n  b\n", "[p] k=a\\nb" },
        { "blank and comment lines do not end a value", "[p]\nk=a\n\n# c\n\tb\n", "[p] k=a\\nb" },
        { "a continuation keeps its inline ;", "[p]\nk=a\n  b ; c\n", "[p] k=a\\nb ; c" },
        { "an indented [x] is a continuation, not a header", "[p]\nk=a\n  [x]\n", "[p] k=a\\n[x]" },
        { "a later definition drops earlier continuations", "[p]\nk=a\n  b\nk=c\n", "[p] k=c" },
        { "an indented line right after a header is invalid", "[p]\n  x=1\n", "error invalid-line@2" },
        { "an indented first line is before any section", "  k=v\n[p]\n", "error key-before-section@1" },
        // Headers.
        { "a header with trailing text", "[default] ; poolname\ndriver=xen\n", "[default] driver=xen" },
        { "a header with junk after the bracket", "[p]junk\nk=v\n", "[p] k=v" },
        { "the first ']' ends the name", "[a]b]\nk=v\n", "[a] k=v" },
        { "[] is not a header", "[p]\n[]\n", "error invalid-line@2" },
        { "an unclosed bracket is not a header", "[p]\n[q\n", "error invalid-line@2" },
        { "an indented header is not a header", "[p]\n [q]\n", "error invalid-line@2" },
        { "spaces inside the brackets are part of the name", "[ p ]\nk=v\n", "[ p ] k=v" },
        // Structure.
        { "a key before any section", "k=v\n[p]\n", "error key-before-section@1" },
        { "any text before any section", "hello\n[p]\n", "error key-before-section@1" },
        { "an invalid line", "[p]\njusttext\n", "error invalid-line@2" },
        { "every invalid line is reported", "[p]\nx\n=v\n:v\n", "error invalid-line@2,3,4" },
        { "duplicate sections merge, later keys win", "[p]\na=1\nb=2\n[q]\n[p]\na=3\n", "[p] a=3, b=2 | [q] " },
        { "duplicate keys: last wins, first position kept", "[p]\na=1\nb=2\na=3\n", "[p] a=3, b=2" },
        { "[DEFAULT] is not a pool", "[DEFAULT]\nk=v\n[p]\n", "[p]  | [DEFAULT] k=v" },
        { "[default] is a pool", "[default]\ndriver=xen\n", "[default] driver=xen" },
        // Bytes and line endings.
        { "CRLF endings", "[p]\r\nk = v\r\n", "[p] k=v" },
        { "a lone CR is part of the value", "[p]\nk=a\rb\n", "[p] k=a\rb" },
        { "a UTF-8 BOM hides the first header", "\uFEFF[p]\nk=v\n", "error key-before-section@1" },
        { "a form feed line is blank", "[p]\n\f\nk=v\n", "[p] k=v" },
        { "a NUL byte inside a value", "[p]\nk=a\0b\n", "[p] k=a\0b" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void File_IsReadAsPython27RawConfigParserReadsIt(string what, string text, string expected)
    {
        Assert.True(expected == QubesView.Of(text), $"{what}: expected {expected}, got {QubesView.Of(text)}");
        Assert.Equal(text, StorageConfDocument.Parse(text).ToText());
    }

    [SkippableFact]
    public void Python2_AgreesWithEveryHandWrittenExpectation()
    {
        var cases = Cases().Select(row => ((string)row[0], (string)row[1], (string)row[2])).ToList();
        var views = QubesView.Python2Views(cases.Select(c => c.Item2).ToList());
        Skip.If(views is null, Python2.MissingReason);
        for (int i = 0; i < cases.Count; i++)
        {
            Assert.True(cases[i].Item3 == views[i], $"{cases[i].Item1}: Python 2.7 reads {views[i]}");
        }
    }

    [Fact]
    public void ByteOrderMark_IsAnErrorOnLine1()
        => AssertUnreadable("\uFEFF[default]\ndriver=xen\n", DiagnosticCodes.ByteOrderMark, 1, "byte order mark");

    [Fact]
    public void NulByte_IsAnErrorOnItsLine_EvenThoughPythonWouldReadIt()
        => AssertUnreadable("[default]\ndriver=xen\n# a\0b\n", DiagnosticCodes.NulByte, 3, "NUL byte");

    // The text has exactly one syntax error of this code, on this line, naming the problem; Qubes could not read it.
    private static void AssertUnreadable(string text, string code, int line, string words)
    {
        var doc = StorageConfDocument.Parse(text);

        var error = Assert.Single(doc.SyntaxDiagnostics, d => d.Code == code);
        Assert.Equal(line, error.Line);
        Assert.Contains(words, error.Message);
        Assert.False(doc.IsReadableByQubes);
    }

    [Fact]
    public void DefaultsSection_IsInheritedByEveryPool()
    {
        var doc = StorageConfDocument.Parse("[DEFAULT]\nk=v\n[default]\ndriver=xen\n[p]\ndriver=xen\nk=own\n");

        var pools = PoolModel.Build(doc);

        Assert.Equal(["default", "p"], pools.Select(p => p.Name));
        Assert.Equal(("v", OptionSource.Defaults, 2), (pools[0].Option("k")!.Value, pools[0].Option("k")!.Source, pools[0].Option("k")!.Line));
        Assert.Equal(("own", OptionSource.Section), (pools[1].Option("k")!.Value, pools[1].Option("k")!.Source));
    }

    [Fact]
    public void ClassWinsOverDriver_AndTheDefaultPoolGetsItsImpliedDirPath()
    {
        var doc = StorageConfDocument.Parse("[default]\ndriver=xen\n[p]\ndriver=dummy\nclass=qubes.storage.xen.XenPool\ndir_path=/p\n");

        var pools = PoolModel.Build(doc);

        Assert.Equal((KnownDrivers.DefaultDirPath, OptionSource.Implied, (int?)null), (pools[0].DirPath!.Value, pools[0].DirPath!.Source, pools[0].DirPath!.Line));
        Assert.True(pools[1].IsXen);
        Assert.Equal("qubes.storage.xen.XenPool", pools[1].DriverDisplay);
        Assert.Equal(6, pools[1].DirPath!.Line);
    }
}
