using static QubesPoolConsole.Core.Diagnostics.DiagnosticCodes;

namespace QubesPoolConsole.Core.Tests.Reliability;

/// <summary>
/// Bad storage.conf files: every trap of the dialect Qubes reads (Python 2's RawConfigParser), each rule, encodings,
/// binary junk, huge lines and a 50 MB file. Text cases also come in CRLF and no-final-newline variants (distinct
/// inputs, same finding).
/// </summary>
public static class BadConfCorpus
{
    /// <summary>One case: how to make the bytes, the code expected, its line (null: not checked) and words of its message.</summary>
    public sealed record Case(Func<byte[]> Bytes, string Code, int? Line, string Words, bool IsError = true);

    private const string D = "[default]\ndriver=xen\n";

    public static readonly IReadOnlyDictionary<string, Case> All = Build();

    private static Dictionary<string, Case> Build()
    {
        var text = new Dictionary<string, (string Text, string Code, int? Line, string Words, bool Error)>
        {
            // Qubes cannot read the file at all.
            ["key before section"] = ("driver=xen\n" + D, KeyBeforeSection, 1, "before any [section]", true),
            ["indented key before section"] = ("  driver=xen\n" + D, KeyBeforeSection, 1, "MissingSectionHeaderError", true),
            ["text before section"] = ("hello\n" + D, KeyBeforeSection, 1, "before any [section]", true),
            ["empty brackets before section"] = ("[]\n" + D, KeyBeforeSection, 1, "before any [section]", true),
            ["unclosed header first"] = ("[default\ndriver=xen\n", KeyBeforeSection, 1, "before any [section]", true),
            ["indented header first"] = (" [default]\ndriver=xen\n", KeyBeforeSection, 1, "before any [section]", true),
            ["bom"] = ("\uFEFF" + D, ByteOrderMark, 1, "byte order mark", true),
            ["bom before comment"] = ("\uFEFF# c\n" + D, ByteOrderMark, 1, "without BOM", true),
            ["invalid line"] = (D + "justtext\n", InvalidLine, 3, "ParsingError", true),
            ["invalid unclosed header"] = (D + "[pool\n", InvalidLine, 3, "neither a [section] header", true),
            ["invalid empty header"] = (D + "[]\n", InvalidLine, 3, "ParsingError", true),
            ["invalid equals first"] = (D + "=xen\n", InvalidLine, 3, "ParsingError", true),
            ["invalid colon first"] = (D + ":xen\n", InvalidLine, 3, "ParsingError", true),
            ["indented line after header"] = ("[default]\n  driver=xen\n", InvalidLine, 2, "ParsingError", true),
            ["indented header after header"] = (D + "[p]\n [q]\n", InvalidLine, 4, "ParsingError", true),
            ["shell line"] = (D + "rm -rf /\n", InvalidLine, 3, "ParsingError", true),
            ["ini array syntax"] = (D + "dirs[]\n", InvalidLine, 3, "ParsingError", true),
            ["nul in value"] = (D + "[p]\ndriver=x\0en\n", NulByte, 4, "NUL byte", true),
            ["nul in comment"] = (D + "# \0\n", NulByte, 3, "NUL byte", true),
            ["nul alone"] = (D + "\0\n", NulByte, 3, "NUL byte", true),
            ["nul in header"] = ("[def\0ault]\ndriver=xen\n", NulByte, 1, "NUL byte", true),
            // Qubes reads it, but a pool or every VM breaks.
            ["no default section"] = ("[p]\ndriver=xen\ndir_path=/p\n", DefaultPoolMissing, null, "no [default] section", true),
            ["empty file"] = ("", DefaultPoolMissing, null, "no [default] section", true),
            ["only comments"] = ("# nothing\n; here\n", DefaultPoolMissing, null, "no [default] section", true),
            ["default in capitals only"] = ("[DEFAULT]\ndriver=xen\n", DefaultPoolMissing, null, "no [default] section", true),
            ["DEFAULT keys leak"] = ("[DEFAULT]\ndir_path=/x\n" + D, DefaultsSectionKeys, 2, "in [DEFAULT] is given to every pool", true),
            ["DEFAULT driver leaks"] = ("[DEFAULT]\ndriver=xen\n[default]\n", DefaultsSectionKeys, 2, "in [DEFAULT]", true),
            ["default has dir_path"] = (D + "dir_path=/var/lib/qubes\n", DefaultPoolHasKeys, 3, "crashes Qubes R3.2", true),
            ["default has other key"] = (D + "size=1\n", DefaultPoolHasKeys, 3, "ValueError", true),
            ["default has key in a second block"] = (D + "[p]\ndriver=xen\ndir_path=/p\n[default]\nx=1\n", DefaultPoolHasKeys, 7, "crashes Qubes R3.2", true),
            ["Default section"] = (D + "[Default]\ndriver=xen\ndir_path=/d\n", ReservedSectionName, 3, "only in letter case", true),
            ["DEFAULt section"] = (D + "[DEFAULt]\ndriver=xen\ndir_path=/d\n", ReservedSectionName, 3, "only in letter case", true),
            ["pool name with space"] = (D + "[my pool]\ndriver=xen\ndir_path=/p\n", InvalidPoolName, 3, "contains a space", true),
            ["pool name with semicolon"] = (D + "[a;b]\ndriver=xen\ndir_path=/p\n", InvalidPoolName, 3, "contains ';'", true),
            ["pool name with slash"] = (D + "[a/b]\ndriver=xen\ndir_path=/p\n", InvalidPoolName, 3, "contains '/'", true),
            ["pool name non-ascii"] = (D + "[pööl]\ndriver=xen\ndir_path=/p\n", InvalidPoolName, 3, "contains 'ö'", true),
            ["pool name dotdot"] = (D + "[..]\ndriver=xen\ndir_path=/p\n", InvalidPoolName, 3, "path component", true),
            ["pool name too long"] = (D + "[" + new string('p', 65) + "]\ndriver=xen\ndir_path=/p\n", InvalidPoolName, 3, "65 characters long", true),
            ["pool name with header junk"] = (D + "[a b] trailing\ndriver=xen\ndir_path=/p\n", InvalidPoolName, 3, "a space", true),
            ["continuation in dir_path"] = (D + "[p]\ndriver=xen\ndir_path=/p\n  /q\n", MultiLineValue, 5, "indented line", true),
            ["continuation after blank"] = (D + "[p]\ndriver=xen\ndir_path=/p\n\n\t/q\n", MultiLineValue, 5, "line break", true),
            ["continuation of driver"] = (D + "[p]\ndriver=xen\n xen\ndir_path=/p\n", MultiLineValue, 4, "indented line", true),
            ["vm key"] = (D + "[p]\ndriver=xen\ndir_path=/p\nvm=x\n", ReservedKey, 6, "TypeError", true),
            ["name key"] = (D + "[p]\ndriver=xen\ndir_path=/p\nname=x\n", ReservedKey, 6, "TypeError", true),
            ["documented XenStorage class"] = (D + "[p]\nclass=qubes.storage.xen.XenStorage\ndir_path=/p\n", XenStorageClass, 4, "does not load", true),
            ["class not dotted"] = (D + "[p]\nclass=XenPool\n", InvalidClass, 4, "not a dotted Python path", true),
            ["class with slash"] = (D + "[p]\nclass=qubes/storage/xen.py\n", InvalidClass, 4, "not a dotted Python path", true),
            ["class with trailing dot"] = (D + "[p]\nclass=qubes.storage.\n", InvalidClass, 4, "not a dotted Python path", true),
            ["class starting with digit"] = (D + "[p]\nclass=1qubes.Pool\n", InvalidClass, 4, "not a dotted Python path", true),
            ["class glued comment"] = (D + "[p]\nclass=a.B;x\n", InvalidClass, 4, "not a dotted Python path", true),
            ["no driver"] = (D + "[p]\ndir_path=/p\n", NoDriver, 3, "neither 'driver' nor 'class'", true),
            ["empty pool"] = (D + "[p]\n", NoDriver, 3, "Uknown storage pool driver", true),
            ["unknown driver"] = (D + "[p]\ndriver=lvm\ndir_path=/p\n", UnknownDriver, 4, "'lvm' is not known", true),
            ["R4 file driver"] = (D + "[p]\ndriver=file\ndir_path=/p\n", UnknownDriver, 4, "'file' is not known", true),
            ["driver in capitals"] = (D + "[p]\ndriver=XEN\ndir_path=/p\n", UnknownDriver, 4, "'XEN' is not known", true),
            ["driver with glued semicolon"] = (D + "[p]\ndriver=xen;x\ndir_path=/p\n", UnknownDriver, 4, "'xen;x' is not known", true),
            ["driver with hash comment"] = (D + "[p]\ndriver=xen # x\ndir_path=/p\n", UnknownDriver, 4, "'xen # x' is not known", true),
            ["driver empty"] = (D + "[p]\ndriver=\ndir_path=/p\n", UnknownDriver, 4, "is not known", true),
            ["driver quoted"] = (D + "[p]\ndriver=\"xen\"\ndir_path=/p\n", UnknownDriver, 4, "is not known", true),
            ["no dir_path"] = (D + "[p]\ndriver=xen\n", DirPathMissing, 3, "has no dir_path", true),
            ["dir_path via class, missing"] = (D + "[p]\nclass=qubes.storage.xen.XenPool\n", DirPathMissing, 3, "has no dir_path", true),
            ["relative dir_path"] = (D + "[p]\ndriver=xen\ndir_path=var/lib/p\n", DirPathRelative, 5, "is relative", true),
            ["tilde dir_path"] = (D + "[p]\ndriver=xen\ndir_path=~/pools\n", DirPathRelative, 5, "is relative", true),
            ["empty dir_path"] = (D + "[p]\ndriver=xen\ndir_path=\n", DirPathEmpty, 5, "is empty", true),
            ["dotdot dir_path"] = (D + "[p]\ndriver=xen\ndir_path=/var/../etc\n", DirPathDotSegment, 5, "'.' or '..'", true),
            ["dot dir_path"] = (D + "[p]\ndriver=xen\ndir_path=/var/./p\n", DirPathDotSegment, 5, "'.' or '..'", true),
            ["control char dir_path"] = (D + "[p]\ndriver=xen\ndir_path=/var/\u0007p\n", DirPathControlCharacter, 5, "U+0007", true),
            ["lone CR in dir_path"] = (D + "[p]\ndriver=xen\ndir_path=/var/\rp\n", DirPathControlCharacter, 5, "carriage return", true),
            ["long dir_path"] = (D + "[p]\ndriver=xen\ndir_path=/" + new string('a', 5000) + "\n", DirPathTooLong, 5, "5001 characters long", true),
            ["extra xen key"] = (D + "[p]\ndriver=xen\ndir_path=/p\nsize=10\n", XenExtraKey, 6, "not an option of the xen driver", true),
            ["R4 revisions key"] = (D + "[p]\ndriver=xen\ndir_path=/p\nrevisions_to_keep=3\n", XenExtraKey, 6, "TypeError", true),
            ["extra key via DEFAULT"] = ("[DEFAULT]\nk=1\n" + D + "[p]\ndriver=xen\ndir_path=/p\n", XenExtraKey, 2, "not an option of the xen driver", true),
            ["rem-looking option"] = (D + "[p]\ndriver=xen\ndir_path=/p\nremark=1\n", XenExtraKey, 6, "'remark' is not an option", true),
            // Qubes reads it, maybe not as meant: warnings.
            ["duplicate section"] = (D + "[p]\ndriver=xen\ndir_path=/p\n[p]\n", DuplicateSection, 6, "appears again", false),
            ["duplicate default"] = (D + "[default]\n", DuplicateSection, 3, "merges both", false),
            ["duplicate key"] = (D + "[p]\ndriver=xen\ndir_path=/a\ndir_path=/b\n", DuplicateKey, 6, "Qubes uses only the last", false),
            ["duplicate key, other case"] = (D + "[p]\ndriver=xen\ndir_path=/a\nDIR_PATH=/b\n", DuplicateKey, 6, "set again", false),
            ["upper-case key"] = (D + "[p]\nDriver=xen\ndir_path=/p\n", KeyCase, 4, "lower case", false),
            ["dir_path not normal"] = (D + "[p]\ndriver=xen\ndir_path=/var//p/\n", DirPathNotNormalized, 5, "normal form", false),
            ["custom class"] = (D + "[p]\nclass=my.pkg.Pool\n", CustomDriverUnchecked, 4, "cannot check its options", false),
        };

        var cases = new Dictionary<string, Case>();
        foreach (var (name, c) in text)
        {
            cases[name] = new Case(() => Encoding.UTF8.GetBytes(c.Text), c.Code, c.Line, c.Words, c.Error);
            if (c.Text.Contains('\n'))
            {
                cases[name + " (CRLF)"] = new Case(() => Encoding.UTF8.GetBytes(c.Text.Replace("\n", "\r\n")), c.Code, c.Line, c.Words, c.Error);
            }
            if (c.Text.EndsWith('\n') && c.Text.Count(ch => ch == '\n') > 1 && c.Code is not (MultiLineValue or NulByte))
            {
                // Mixed: CRLF on odd lines, no final newline.
                var lines = c.Text[..^1].Split('\n');
                var mixed = string.Concat(lines.Select((l, i) => l + (i == lines.Length - 1 ? "" : i % 2 == 0 ? "\r\n" : "\n")));
                cases[name + " (mixed endings, no final newline)"] = new Case(() => Encoding.UTF8.GetBytes(mixed), c.Code, c.Line, c.Words, c.Error);
            }
        }

        // Bytes that are not UTF-8 text.
        (string Name, byte[] Bad)[] invalidUtf8 =
        [
            ("latin-1 e-acute", [0xE9]), ("lone continuation byte", [0x80]), ("overlong slash", [0xC0, 0xAF]),
            ("utf-16 surrogate", [0xED, 0xA0, 0x80]), ("0xFF", [0xFF]), ("truncated euro sign", [0xE2, 0x82]),
            ("5-byte form", [0xF8, 0x88, 0x80, 0x80, 0x80]), ("above U+10FFFF", [0xF4, 0x90, 0x80, 0x80]),
        ];
        foreach (var (n, bad) in invalidUtf8)
        {
            cases["invalid UTF-8: " + n] = new Case(() => [.. Encoding.UTF8.GetBytes(D + "# caf"), .. bad, (byte)'\n'], NotUtf8, 3, "not UTF-8");
            cases["invalid UTF-8 in header: " + n] = new Case(() => [(byte)'[', .. bad, .. "]\ndriver=xen\n"u8], NotUtf8, 1, "not UTF-8");
        }
        cases["utf-16 file with BOM"] = new Case(() => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(D)).ToArray(), NotUtf8, 1, "not UTF-8");
        for (int seed = 1; seed <= 5; seed++)
        {
            int s = seed;
            cases[$"binary junk #{s}"] = new Case(() => Junk(s, 4096), NotUtf8, null, "not UTF-8 text");
        }
        cases["ELF header"] = new Case(() => [0x7F, .. "ELF"u8, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3E, 0, 0xFF, 0xFE], NotUtf8, 1, "not UTF-8");
        cases["gzip file"] = new Case(() => [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0x03, 0xCB, 0x48, 0xCD, 0xC9], NotUtf8, 1, "not UTF-8");

        // Size.
        cases["1 MB line (invalid)"] = new Case(() => Encoding.UTF8.GetBytes(D + new string('x', 1 << 20) + "\n"), InvalidLine, 3, "ParsingError");
        cases["1 MB dir_path"] = new Case(() => Encoding.UTF8.GetBytes(D + "[p]\ndriver=xen\ndir_path=/" + new string('a', 1 << 20) + "\n"), DirPathTooLong, 5, "1048577 characters long");
        cases["100 KB section name"] = new Case(() => Encoding.UTF8.GetBytes(D + "[" + new string('p', 100_000) + "]\ndriver=xen\ndir_path=/p\n"), InvalidPoolName, 3, "100000 characters long");
        cases["50 MB file, one bad line at the end"] = new Case(FiftyMegabytes, InvalidLine, FiftyMbBadLine, "ParsingError");
        cases["100,000 pools, one without dir_path"] = new Case(ManyPools, DirPathMissing, 3 + 4 * 99_999, "has no dir_path");
        return cases;
    }

    private const int FiftyMbLines = 50 * 1024 * 1024 / 64;
    private const int FiftyMbBadLine = 2 + FiftyMbLines + 1;

    private static byte[] FiftyMegabytes()
    {
        var line = "# " + new string('-', 61) + "\n"; // 64 bytes
        var sb = new StringBuilder(D.Length + FiftyMbLines * 64 + 16);
        sb.Append(D);
        for (int i = 0; i < FiftyMbLines; i++) sb.Append(line);
        sb.Append("oops\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static byte[] ManyPools()
    {
        var sb = new StringBuilder(D);
        for (int i = 0; i < 100_000; i++)
        {
            sb.Append("[p").Append(i).Append("]\ndriver=xen\n");
            if (i != 99_999) sb.Append("dir_path=/srv/p").Append(i).Append('\n');
            sb.Append('\n');
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static byte[] Junk(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        bytes[0] = 0xFF; // never valid UTF-8, whatever the seed gives
        return bytes;
    }
}
