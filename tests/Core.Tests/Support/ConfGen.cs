namespace QubesPoolConsole.Core.Tests.Support;

/// <summary>
/// CsCheck generators of storage.conf text: every construct of Qubes' dialect (comments, inline ';', ':' separators,
/// continuation lines, duplicate sections and keys, [DEFAULT], 'rem' lines, headers with trailing text), mixed LF/CRLF
/// endings, a missing final newline, and junk (NUL, BOM, lone CR, non-ASCII, invalid lines).
/// </summary>
public static class ConfGen
{
    private static readonly string[] SectionNames = ["default", "DEFAULT", "pool-a", "pool_b", "Default", "a.b", "x y", "p;q", "ünï"];
    private static readonly string[] Keys = ["driver", "dir_path", "class", "Dir_Path", "DRIVER", "foo", "vm", "name", "x y", "rem", "k"];
    private static readonly string[] Values = ["xen", "/var/lib/qubes", "/x;c", "/x ;c", "a\tb", "\"\"", "qubes.storage.xen.XenPool", "", "ü€", "dummy", "  padded  ", "a=b", "c:d"];
    private static readonly string[] Separators = ["=", " = ", ":", ": ", " :", "\t=\t", "  =", "= "];
    private static readonly string[] InlineComments = ["", "", "", " ; note", ";glued", "\t;tab", " # hash", " ;"];

    public static readonly Gen<string> Eol = Gen.Frequency((6, Gen.Const("\n")), (3, Gen.Const("\r\n")));

    private static Gen<string> Pick(string[] items) => Gen.Int[0, items.Length - 1].Select(i => items[i]);

    public static readonly Gen<string> Header =
        Gen.Select(Pick(SectionNames), Pick(["", "", " ; poolname", "  # c", "junk", "\t"]), (n, t) => "[" + n + "]" + t);

    public static readonly Gen<string> Option =
        Gen.Select(Pick(Keys), Pick(Separators), Pick(Values), Pick(InlineComments), (k, s, v, c) => k + s + v + c);

    public static readonly Gen<string> Comment =
        Pick(["# comment", "; comment", "#", ";", "rem a remark", "REM", "Rem\tx", "rem", "; [pool] in a comment", "#dir_path=/x"]);

    public static readonly Gen<string> Blank = Pick(["", "", " ", "\t", "  \t "]);

    public static readonly Gen<string> Continuation = Gen.Select(Pick([" ", "\t", "    "]), Pick(["more", "/tail", "", "x ; y", "[not-a-header]"]), (w, t) => w + t);

    public static readonly Gen<string> Junk =
        Pick(["justtext", "[unclosed", "[]", "=novalue", ":x", "a\0b", "\uFEFF[default]", "key=va\rlue", " indented=1", "\v", "\f[x]", "[a]b]", "é=1", "remove=1"]);

    /// <summary>One line of any kind (without its ending).</summary>
    public static readonly Gen<string> AnyLine = Gen.Frequency(
        (4, Header), (8, Option), (3, Comment), (3, Blank), (2, Continuation), (1, Junk));

    /// <summary>Joins lines with the given endings; the last line may lack its newline.</summary>
    private static Gen<string> Join(Gen<string[]> lines) =>
        Gen.Select(lines, Eol.Array[64], Gen.Bool, (ls, eols, finalNewline) =>
        {
            var sb = new System.Text.StringBuilder();
            for (int i = 0; i < ls.Length; i++)
            {
                sb.Append(ls[i]);
                if (i < ls.Length - 1 || finalNewline) sb.Append(eols[i % eols.Length]);
            }
            return sb.ToString();
        });

    /// <summary>Files of any shape, valid or not, from the dialect's building blocks.</summary>
    public static readonly Gen<string> AnyFile = Join(AnyLine.Array[0, 40]);

    /// <summary>Arbitrary character soup, including control characters and surrogate-free Unicode.</summary>
    public static readonly Gen<string> Soup =
        Gen.Frequency(
            (5, Gen.Char["[]=:;# \t\r\nabcREMrem\"\0\uFEFF\v\f_./é"]),
            (1, Gen.Char[(char)0, (char)0xD7FF])).Array[0, 200].Select(cs => new string(cs));

    /// <summary>A pool section Qubes accepts: header plus driver and dir_path lines, in random style.</summary>
    private static readonly Gen<string[]> XenPool =
        Gen.Select(Gen.Int[0, 999], Pick(Separators), Pick(["", " ; note", "\t;tab", " ;"]), Gen.Bool, (n, sep, c, blankBefore) =>
            (blankBefore ? new[] { "" } : []).Concat(["[pool" + n + "]", "driver" + sep + "xen" + c, "dir_path" + sep + "/var/lib/pools/p" + n]).ToArray());

    /// <summary>Readable files with a [default] pool and valid xen pools, comments and blank lines: the input of edit properties.</summary>
    public static readonly Gen<string> ValidFile =
        Gen.Select(
            Gen.Frequency((3, Comment), (2, Blank)).Array[0, 3],
            Pick(["[default]", "[default] ; poolname"]),
            Pick(["driver=xen", "driver = xen", "driver: xen", "driver=xen ; the default xen storage"]),
            XenPool.Array[0, 5],
            Gen.Frequency((3, Comment), (2, Blank)).Array[0, 3],
            (lead, header, driver, pools, tail) =>
            {
                var all = lead.ToList();
                all.Add(header);
                all.Add(driver);
                var seen = new HashSet<string>();
                foreach (var p in pools)
                {
                    if (seen.Add(p.First(l => l.StartsWith('[')))) all.AddRange(p);
                }
                all.AddRange(tail);
                return all.ToArray();
            })
        .SelectMany(lines => Join(Gen.Const(lines)));
}
