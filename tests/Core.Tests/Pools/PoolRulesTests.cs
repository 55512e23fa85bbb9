using static QubesPoolConsole.Core.Diagnostics.DiagnosticCodes;

namespace QubesPoolConsole.Core.Tests.Pools;

/// <summary>Every code the parser and <see cref="PoolRules"/> report on a file: its severity, line, section, key and message.</summary>
public class PoolRulesTests
{
    private const string Default = "[default]\ndriver=xen\n";

    public static TheoryData<string, string, int?, string?, string?, string> Rules() => new()
    {
        // code, file, line, section, key, words of the message (separated by '|')
        { ByteOrderMark, "\uFEFF" + Default, 1, null, null, "byte order mark|without BOM" },
        { NulByte, Default + "[p]\ndriver=x\0en\n", 4, null, null, "NUL byte|Remove the byte" },
        { KeyBeforeSection, "driver=xen\n" + Default, 1, null, null, "before any [section]|MissingSectionHeaderError" },
        { InvalidLine, Default + "oops\n", 3, "default", null, "neither a [section] header nor|ParsingError" },
        { DuplicateSection, Default + "[p]\ndriver=xen\ndir_path=/p\n[p]\n", 6, "p", null, "appears again on line 6|first on line 3|merges" },
        { DuplicateKey, Default + "[p]\ndriver=xen\ndir_path=/a\ndir_path=/b\n", 6, "p", "dir_path", "set again on line 6|first on line 5|only the last" },
        { DefaultPoolMissing, "[p]\ndriver=xen\ndir_path=/p\n", null, null, null, "no [default] section|Add a section '[default]'" },
        { DefaultsSectionKeys, "[DEFAULT]\nfoo=1\n" + Default, 2, "DEFAULT", "foo", "'foo' in [DEFAULT]|every pool" },
        { KeyCase, Default + "[p]\nDriver=xen\ndir_path=/p\n", 4, "p", "driver", "reads option 'Driver' as 'driver'|lower case" },
        { ReservedSectionName, Default + "[Default]\ndriver=xen\ndir_path=/d\n", 3, "Default", null, "differs from the default pool only in letter case|Rename" },
        { InvalidPoolName, Default + "[my pool]\ndriver=xen\ndir_path=/p\n", 3, "my pool", null, "Pool name 'my pool'|a space|use only letters" },
        { MultiLineValue, Default + "[p]\ndriver=xen\ndir_path=/p\n  /q\n", 5, "p", "dir_path", "continues on an indented line|line break|line 5" },
        { ReservedKey, Default + "[p]\ndriver=xen\ndir_path=/p\nvm=x\n", 6, "p", "vm", "'vm' cannot be a pool option|TypeError" },
        { XenStorageClass, Default + "[p]\nclass=qubes.storage.xen.XenStorage\n", 4, "p", "class", "does not load in Qubes R3.2|qubes.storage.xen.XenPool" },
        { InvalidClass, Default + "[p]\nclass=NotDotted\n", 4, "p", "class", "class 'NotDotted' is not a dotted Python path" },
        { CustomDriverUnchecked, Default + "[p]\nclass=my.pkg.Pool\n", 4, "p", "class", "custom class my.pkg.Pool|cannot check" },
        { NoDriver, Default + "[p]\ndir_path=/p\n", 3, "p", null, "neither 'driver' nor 'class'|Add 'driver=xen'" },
        { UnknownDriver, Default + "[p]\ndriver=lvm\ndir_path=/p\n", 4, "p", "driver", "driver 'lvm' is not known|only built-in driver is 'xen'" },
        { DefaultPoolHasKeys, "[default]\ndriver=xen\ndir_path=/x\n", 3, "default", "dir_path", "'dir_path' in [default] crashes Qubes R3.2|ValueError" },
        { DirPathMissing, Default + "[p]\ndriver=xen\n", 3, "p", "dir_path", "has no dir_path|TypeError|dir_path=/absolute/path" },
        { DirPathRelative, Default + "[p]\ndriver=xen\ndir_path=var/p\n", 5, "p", "dir_path", "dir_path of [p]|'var/p' is relative|absolute" },
        { DirPathDotSegment, Default + "[p]\ndriver=xen\ndir_path=/var/../p\n", 5, "p", "dir_path", "dir_path of [p]|contains '.' or '..'" },
        { DirPathEmpty, Default + "[p]\ndriver=xen\ndir_path=\n", 5, "p", "dir_path", "dir_path of [p] is empty" },
        { DirPathTooLong, Default + "[p]\ndriver=xen\ndir_path=/" + new string('a', 5000) + "\n", 5, "p", "dir_path", "5001 characters long" },
        { DirPathControlCharacter, Default + "[p]\ndriver=xen\ndir_path=/a\u0007b\n", 5, "p", "dir_path", "U+0007" },
        { DirPathNotNormalized, Default + "[p]\ndriver=xen\ndir_path=/var//p/\n", 5, "p", "dir_path", "not in normal form|'/var/p'" },
        { XenExtraKey, Default + "[p]\ndriver=xen\ndir_path=/p\nsize=10\n", 6, "p", "size", "'size' is not an option of the xen driver|TypeError" },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Rule_ReportsItsCodeLineAndSentence(string code, string text, int? line, string? section, string? key, string words)
    {
        var found = PoolRules.Validate(StorageConfDocument.Parse(text));

        var d = Assert.Single(found, x => x.Code == code);
        Assert.Equal((line, section, key), (d.Line, d.Section, d.Key));
        foreach (var w in words.Split('|')) Assert.Contains(w, d.Message);
        var expectWarning = code is DuplicateSection or DuplicateKey or KeyCase or DirPathNotNormalized or CustomDriverUnchecked;
        Assert.Equal(expectWarning ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, d.Severity);
        Assert.EndsWith(".", d.Message);
    }

    [Fact]
    public void EveryRuleCode_HasACase()
    {
        var covered = Rules().Select(r => (string)r[0]).ToHashSet();
        string[] fromRules = [ByteOrderMark, NulByte, KeyBeforeSection, InvalidLine, DuplicateSection, DuplicateKey, DefaultPoolMissing,
            DefaultsSectionKeys, KeyCase, ReservedSectionName, InvalidPoolName, MultiLineValue, ReservedKey, XenStorageClass, InvalidClass,
            CustomDriverUnchecked, NoDriver, UnknownDriver, DefaultPoolHasKeys, DirPathMissing, DirPathRelative, DirPathDotSegment, DirPathEmpty,
            DirPathTooLong, DirPathControlCharacter, DirPathNotNormalized, XenExtraKey];
        Assert.Empty(fromRules.Except(covered));
    }

    [Theory]
    [InlineData("[default]\ndriver=xen\n")]
    [InlineData("[default] ; poolname\ndriver=xen ; the default xen storage\n; comment\n")]
    [InlineData("[default]\nclass=qubes.storage.xen.XenPool\n[p]\nclass = qubes.storage.xen.XenPool\ndir_path = /var/lib/p\n")]
    [InlineData("[default]\ndriver=xen\n\n[p.q-r_s]\ndriver: xen\ndir_path: /srv/p\n")]
    public void ValidFile_HasNoDiagnostics(string text)
    {
        Assert.Empty(PoolRules.Validate(StorageConfDocument.Parse(text)));
    }

    [Fact]
    public void Diagnostics_AreInLineOrder_AndForPoolFiltersBySection()
    {
        var text = "[default]\ndriver=xen\n[p]\ndriver=xen\n[q]\ndriver=lvm\n[p]\nsize=1\n";

        var found = PoolRules.Validate(StorageConfDocument.Parse(text));

        Assert.Equal(found.OrderBy(d => d.Line ?? 0).ToList(), found);
        Assert.All(PoolRules.ForPool(found, "q"), d => Assert.Equal("q", d.Section));
        Assert.Contains(PoolRules.ForPool(found, "p"), d => d.Code == XenExtraKey && d.Line == 8);
    }
}
