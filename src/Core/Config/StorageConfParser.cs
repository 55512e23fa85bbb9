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
/// </summary>
internal static class StorageConfParser
{
    public const string DefaultsSection = "DEFAULT";

    public static ParseOutcome Classify(ConfLine[] lines)
    {
        var diagnostics = new List<Diagnostic>();
        var sections = new OrderedDictionary<string, ConfSection>(StringComparer.Ordinal);
        ConfSection? defaults = null;
        ConfSection? current = null;
        ConfLine? lastOption = null;
        List<string>? continuation = null;
        var cache = new TextCache();

        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            line.Number = i + 1;
            var text = line.Text.AsSpan();

            if (text.Contains('\0'))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NulByte,
                    $"Line {i + 1} contains a NUL byte; storage.conf must be plain text. Remove the byte (a text editor shows it as ^@).", i + 1));
            }

            if (i == 0 && text.Length > 0 && text[0] == '\uFEFF')
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ByteOrderMark,
                    "The file starts with a UTF-8 byte order mark (BOM); Qubes then cannot find the first section header. Save the file as UTF-8 without BOM.", 1));
            }

            if (PyText.IsBlank(text))
            {
                line.Kind = LineKind.Blank;
                continue;
            }

            if (text[0] is '#' or ';' || IsRemComment(text))
            {
                line.Kind = LineKind.Comment;
                continue;
            }

            if (PyText.IsSpace(text[0]) && current is not null && lastOption is not null)
            {
                line.Kind = LineKind.Continuation;
                line.Section = current.Name;
                line.Key = lastOption.Key;
                var more = PyText.Strip(text);
                if (more.Length > 0)
                {
                    continuation ??= [];
                    continuation.Add(more.ToString());
                    var opt = current.Options[lastOption.Key!];
                    current.Options[lastOption.Key!] = opt with { Value = opt.Value + "\n" + more.ToString() };
                }
                continue;
            }

            if (TryHeader(text, out var name))
            {
                line.Kind = LineKind.SectionHeader;
                line.Section = name;
                lastOption = null;
                if (name == DefaultsSection)
                {
                    if (defaults is null) defaults = new ConfSection(name, i + 1);
                    else DuplicateSection(diagnostics, defaults, i + 1);
                    current = defaults;
                }
                else if (sections.TryGetValue(name, out var existing))
                {
                    DuplicateSection(diagnostics, existing, i + 1);
                    current = existing;
                }
                else
                {
                    current = new ConfSection(name, i + 1);
                    sections.Add(name, current);
                }
                continue;
            }

            if (current is null)
            {
                line.Kind = LineKind.BeforeFirstSection;
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.KeyBeforeSection,
                    $"Line {i + 1} comes before any [section] header, so Qubes cannot read the file (MissingSectionHeaderError). Move it under a pool's header or comment it out with '#'.", i + 1));
                continue;
            }

            if (TryOption(text, line.Eol == "\r\n", out var key, out var valueStart, out var valueEnd, out var value, cache))
            {
                line.Kind = LineKind.Option;
                line.Section = current.Name;
                line.Key = key;
                line.Value = value;
                line.ValueStart = valueStart;
                line.ValueEnd = valueEnd;
                lastOption = line;
                if (current.Options.TryGetValue(key, out var previous))
                {
                    diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.DuplicateKey,
                        $"Option '{key}' of [{current.Name}] is set again on line {i + 1} (first on line {previous.Line}); Qubes uses only the last value. Remove the line you do not mean.",
                        i + 1, current.Name, key));
                    current.Options[key] = new ConfOption(key, value, i + 1, previous.Occurrences + 1);
                }
                else
                {
                    current.Options.Add(key, new ConfOption(key, value, i + 1, 1));
                }
                continue;
            }

            line.Kind = LineKind.Invalid;
            line.Section = current.Name;
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidLine,
                $"Line {i + 1} is neither a [section] header nor a 'key = value' option, so Qubes cannot read the file (ParsingError). Fix it or comment it out with '#'.",
                i + 1, current.Name));
        }

        return new ParseOutcome(sections, defaults, diagnostics);
    }

    private static void DuplicateSection(List<Diagnostic> diagnostics, ConfSection section, int line)
    {
        section.HeaderLines.Add(line);
        diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.DuplicateSection,
            $"Section [{section.Name}] appears again on line {line} (first on line {section.FirstLine}); Qubes merges both, later keys winning. Merge them into one section.",
            line, section.Name));
    }

    private static bool IsRemComment(ReadOnlySpan<char> text)
    {
        // Python: line.split(None, 1)[0].lower() == 'rem' and line[0] in "rR"
        if (text[0] is not ('r' or 'R') || text.Length < 3) return false;
        if (!text[..3].Equals("rem", StringComparison.OrdinalIgnoreCase)) return false;
        return text.Length == 3 || PyText.IsSpace(text[3]);
    }

    /// <summary>SECTCRE = <c>\[(?P&lt;header&gt;[^]]+)\]</c>, matched at the start of the line.</summary>
    internal static bool TryHeader(ReadOnlySpan<char> text, out string name)
    {
        name = "";
        if (text.Length < 3 || text[0] != '[') return false;
        int close = text[1..].IndexOf(']');
        if (close < 1) return false;
        name = text.Slice(1, close).ToString();
        return true;
    }

    /// <summary>OPTCRE = <c>(?P&lt;option&gt;[^:=\s][^:=]*)\s*(?P&lt;vi&gt;[:=])\s*(?P&lt;value&gt;.*)$</c>.</summary>
    internal static bool TryOption(ReadOnlySpan<char> text, bool crlf, out string key, out int valueStart, out int valueEnd, out string value, TextCache? cache = null)
    {
        key = value = "";
        valueStart = valueEnd = 0;
        if (text.Length == 0 || text[0] is ':' or '=' || PyText.IsSpace(text[0])) return false;
        int sep = text.IndexOfAny(':', '=');
        if (sep < 0) return false;
        // '.' in Python's regex does not match '\n'; a line never holds one, but a lone '\r' is ordinary text.
        var name = text[..PyText.StripEnd(text, sep)];
        key = cache is null ? PyText.AsciiLower(name) : cache.GetAsciiLower(name);
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
        var v = text[start..end];
        value = v is "\"\"" ? "" : cache is not null && v.Length <= TextCache.MaxValueLength ? cache.Get(v) : v.ToString();
        return true;
    }
}

internal sealed record ParseOutcome(
    OrderedDictionary<string, ConfSection> Sections,
    ConfSection? Defaults,
    List<Diagnostic> Diagnostics);
