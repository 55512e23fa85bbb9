using QubesPoolConsole.Core.Diagnostics;

namespace QubesPoolConsole.Core.Config;

/// <summary>
/// Classifies lines exactly as Python 2.7's <c>RawConfigParser._read</c> does (Qubes R3.2 reads storage.conf with it):
/// <list type="bullet">
/// <item>blank lines, lines starting with <c>#</c> or <c>;</c>, and lines whose first word is <c>rem</c> (starting with r/R) are skipped;</item>
/// <item>an indented line after an option continues its value (blank and comment lines in between do not break this);</item>
/// <item><c>[name]</c> at the start of a line is a header, whatever follows the <c>]</c>;</item>
/// <item>otherwise <c>option</c>, optional space, <c>=</c> or <c>:</c>, optional space, value; an inline <c>;</c> comment
/// counts only when the first <c>;</c> of the value follows whitespace; the name is lower-cased; a value of <c>""</c> is empty;</item>
/// <item>anything before the first header is a MissingSectionHeaderError; any other line a ParsingError.</item>
/// </list>
/// One pass makes a <see cref="LineRecord"/> per line over the text (no object per line); the merged options are
/// built from the records by <see cref="SectionBuilder"/> when first asked for.
/// </summary>
internal static class StorageConfParser
{
    public const string DefaultsSection = "DEFAULT";

    public static ScanOutcome Scan(string text)
    {
        // Exactly one array: a line per '\n', plus the last line when the text does not end with one.
        int count = text.AsSpan().Count('\n');
        if (text.Length > 0 && text[^1] != '\n') count++;
        var lines = new LineRecord[count];
        var diagnostics = new List<Diagnostic>();
        int headers = text.AsSpan().Count("\n[") + 1; // a good guess of the section count, so nothing grows
        var names = new List<string>(headers);
        var firstLines = new List<int>(headers);
        var index = new Dictionary<string, int>(headers, StringComparer.Ordinal);
        var lookup = index.GetAlternateLookup<ReadOnlySpan<char>>();
        var cache = new TextCache();
        int current = -1;
        string? lastKey = null;
        int start = 0;

        for (int i = 0; i < count; i++)
        {
            ref var line = ref lines[i];
            int nl = text.IndexOf('\n', start);
            int end = nl < 0 ? text.Length : nl;
            bool crlf = nl > start && text[nl - 1] == '\r';
            if (crlf) end--;
            line.Start = start;
            line.Length = end - start;
            line.EolLength = (byte)(nl < 0 ? 0 : crlf ? 2 : 1);
            line.Section = -1;
            start = nl + 1;
            var span = text.AsSpan(line.Start, line.Length);

            if (span.Contains('\0'))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NulByte,
                    $"Line {i + 1} contains a NUL byte; storage.conf must be plain text. Remove the byte (a text editor shows it as ^@).", i + 1));
            }

            if (i == 0 && span.Length > 0 && span[0] == '\uFEFF')
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ByteOrderMark,
                    "The file starts with a UTF-8 byte order mark (BOM); Qubes then cannot find the first section header. Save the file as UTF-8 without BOM.", 1));
            }

            if (PyText.IsBlank(span))
            {
                line.Kind = LineKind.Blank;
                continue;
            }

            if (span[0] is '#' or ';' || IsRemComment(span))
            {
                line.Kind = LineKind.Comment;
                continue;
            }

            if (PyText.IsSpace(span[0]) && current >= 0 && lastKey is not null)
            {
                line.Kind = LineKind.Continuation;
                line.Section = current;
                line.Key = lastKey;
                continue;
            }

            if (TryHeader(span, out var nameStart, out var nameLength))
            {
                line.Kind = LineKind.SectionHeader;
                lastKey = null;
                var name = span.Slice(nameStart, nameLength);
                if (lookup.TryGetValue(name, out var existing))
                {
                    current = existing;
                    diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.DuplicateSection,
                        $"Section [{names[existing]}] appears again on line {i + 1} (first on line {firstLines[existing]}); Qubes merges both, later keys winning. Merge them into one section.",
                        i + 1, names[existing]));
                }
                else
                {
                    current = names.Count;
                    var s = name.ToString();
                    names.Add(s);
                    firstLines.Add(i + 1);
                    index.Add(s, current);
                }
                line.Section = current;
                continue;
            }

            if (current < 0)
            {
                line.Kind = LineKind.BeforeFirstSection;
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.KeyBeforeSection,
                    $"Line {i + 1} comes before any [section] header, so Qubes cannot read the file (MissingSectionHeaderError). Move it under a pool's header or comment it out with '#'.", i + 1));
                continue;
            }

            line.Section = current;
            if (TryOption(span, crlf, out var keySpan, out line.ValueStart, out line.ValueEnd))
            {
                line.Kind = LineKind.Option;
                line.Key = lastKey = cache.GetAsciiLower(keySpan);
                continue;
            }

            line.Kind = LineKind.Invalid;
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidLine,
                $"Line {i + 1} is neither a [section] header nor a 'key = value' option, so Qubes cannot read the file (ParsingError). Fix it or comment it out with '#'.",
                i + 1, names[current]));
        }

        return new ScanOutcome(lines, names, index, firstLines, diagnostics);
    }

    private static bool IsRemComment(ReadOnlySpan<char> text)
    {
        // Python: line.split(None, 1)[0].lower() == 'rem' and line[0] in "rR"
        if (text[0] is not ('r' or 'R') || text.Length < 3) return false;
        if (!text[..3].Equals("rem", StringComparison.OrdinalIgnoreCase)) return false;
        return text.Length == 3 || PyText.IsSpace(text[3]);
    }

    /// <summary>SECTCRE = <c>\[(?P&lt;header&gt;[^]]+)\]</c>, matched at the start of the line.</summary>
    internal static bool TryHeader(ReadOnlySpan<char> text, out int nameStart, out int nameLength)
    {
        nameStart = 1;
        nameLength = 0;
        if (text.Length < 3 || text[0] != '[') return false;
        int close = text[1..].IndexOf(']');
        if (close < 1) return false;
        nameLength = close;
        return true;
    }

    /// <summary>OPTCRE = <c>(?P&lt;option&gt;[^:=\s][^:=]*)\s*(?P&lt;vi&gt;[:=])\s*(?P&lt;value&gt;.*)$</c>.</summary>
    /// <param name="text">The line without its ending.</param>
    /// <param name="crlf">Whether the line ended with CRLF (Python's line then still holds the '\r').</param>
    /// <param name="key">The option name as written (not yet lower-cased).</param>
    /// <param name="valueStart">Where the value starts in the line.</param>
    /// <param name="valueEnd">Where the value ends (before spaces and an inline comment).</param>
    internal static bool TryOption(ReadOnlySpan<char> text, bool crlf, out ReadOnlySpan<char> key, out int valueStart, out int valueEnd)
    {
        key = default;
        valueStart = valueEnd = 0;
        if (text.Length == 0 || text[0] is ':' or '=' || PyText.IsSpace(text[0])) return false;
        int sep = text.IndexOfAny(':', '=');
        if (sep < 0) return false;
        // '.' in Python's regex does not match '\n'; a line never holds one, but a lone '\r' is ordinary text.
        key = text[..PyText.StripEnd(text, sep)];
        int start = sep + 1;
        while (start < text.Length && PyText.IsSpace(text[start])) start++;
        var raw = text[start..];
        int cut = raw.Length;
        int semi = raw.IndexOf(';');
        if (semi >= 0)
        {
            // optval[pos-1].isspace(); for pos == 0 Python looks at optval[-1], the last character.
            // With CRLF endings Python's line still holds the '\r', so that last character is whitespace.
            char before = semi == 0 ? (crlf ? '\r' : raw[^1]) : raw[semi - 1];
            if (PyText.IsSpace(before)) cut = semi;
        }
        int end = start + PyText.StripEnd(raw, cut);
        if (end < start) end = start;
        valueStart = start;
        valueEnd = end;
        return true;
    }

    /// <summary>Where the option name of an option line ends (before spaces and the <c>=</c> or <c>:</c>).</summary>
    internal static int KeyEnd(ReadOnlySpan<char> optionLine) => PyText.StripEnd(optionLine, optionLine.IndexOfAny(':', '='));

    /// <summary>The value as Qubes reads it from its text: <c>""</c> means empty.</summary>
    internal static string Value(ReadOnlySpan<char> raw, TextCache? cache = null)
        => raw is "\"\"" ? "" : cache is not null && raw.Length <= TextCache.MaxValueLength ? cache.Get(raw) : raw.ToString();
}
