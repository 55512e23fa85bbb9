namespace QubesPoolConsole.Core.Tests.Config;

/// <summary>
/// The straightforward classifier Core used before the document kept lines as records (an object per line, sections
/// merged while reading), kept here on purpose as an oracle: <see cref="RecordScanTests"/> checks that the record
/// scan and the lazily merged sections read every document exactly as this does.
/// It mirrors Python 2.7's <c>RawConfigParser._read</c>; the dialect itself is checked by DialectTests and Python2OracleTests.
/// </summary>
internal static class ReferenceClassifier
{
    public sealed class Line(string text, string eol)
    {
        public string Text { get; } = text;
        public string Eol { get; } = eol;
        public string Kind = "";
        public string? Section, Key, Value;
        public int ValueStart, ValueEnd, Number;
    }

    public sealed class Section(string name, int line)
    {
        public string Name { get; } = name;
        public List<int> HeaderLines { get; } = [line];
        public List<(string Key, string Value, int Line, int Occurrences)> Options { get; } = [];

        public int IndexOf(string key) => Options.FindIndex(o => o.Key == key);
    }

    /// <summary>Lines, then merged sections ([DEFAULT] last), then diagnostics as "line:severity:code:section:key".</summary>
    public static string Describe(string text)
    {
        var lines = Split(text);
        var sections = new List<Section>();
        Section? defaults = null, current = null;
        Line? lastOption = null;
        var diagnostics = new List<string>();
        void Diag(int line, string severity, string code, string? section = null, string? key = null)
            => diagnostics.Add($"{line}:{severity}:{code}:{section}:{key}");

        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            line.Number = i + 1;
            var t = line.Text;
            if (t.Contains('\0')) Diag(i + 1, "error", "nul-byte");
            if (i == 0 && t.Length > 0 && t[0] == '\uFEFF') Diag(1, "error", "bom");
            if (t.All(IsSpace)) { line.Kind = "Blank"; continue; }
            if (t[0] is '#' or ';' || (t[0] is 'r' or 'R' && t.Length >= 3 && t[..3].Equals("rem", StringComparison.OrdinalIgnoreCase) && (t.Length == 3 || IsSpace(t[3]))))
            {
                line.Kind = "Comment";
                continue;
            }
            if (IsSpace(t[0]) && current is not null && lastOption is not null)
            {
                line.Kind = "Continuation";
                line.Section = current.Name;
                line.Key = lastOption.Key;
                int at = current.IndexOf(lastOption.Key!);
                var o = current.Options[at];
                current.Options[at] = o with { Value = o.Value + "\n" + t.Trim(' ', '\t', '\n', '\r', '\v', '\f') };
                continue;
            }
            int close = t.Length >= 3 && t[0] == '[' ? t.IndexOf(']', 1) : -1;
            if (close > 1)
            {
                var name = t[1..close];
                line.Kind = "SectionHeader";
                line.Section = name;
                lastOption = null;
                var existing = name == "DEFAULT" ? defaults : sections.Find(s => s.Name == name);
                if (existing is not null)
                {
                    existing.HeaderLines.Add(i + 1);
                    Diag(i + 1, "warning", "duplicate-section", name);
                    current = existing;
                }
                else
                {
                    current = new Section(name, i + 1);
                    if (name == "DEFAULT") defaults = current; else sections.Add(current);
                }
                continue;
            }
            if (current is null)
            {
                line.Kind = "BeforeFirstSection";
                Diag(i + 1, "error", "key-before-section");
                continue;
            }
            int sep = t.IndexOfAny([':', '=']);
            if (!IsSpace(t[0]) && t[0] is not (':' or '=') && sep >= 0)
            {
                var key = t[..sep].TrimEnd(' ', '\t', '\n', '\r', '\v', '\f');
                key = string.Concat(key.Select(c => c is >= 'A' and <= 'Z' ? (char)(c + 32) : c));
                int start = sep + 1;
                while (start < t.Length && IsSpace(t[start])) start++;
                var raw = t[start..];
                int cut = raw.Length, semi = raw.IndexOf(';');
                if (semi >= 0 && IsSpace(semi == 0 ? (line.Eol == "\r\n" ? '\r' : raw[^1]) : raw[semi - 1])) cut = semi;
                int end = start + raw[..cut].TrimEnd(' ', '\t', '\n', '\r', '\v', '\f').Length;
                var value = t[start..end] is "\"\"" ? "" : t[start..end];
                (line.Kind, line.Section, line.Key, line.Value, line.ValueStart, line.ValueEnd) = ("Option", current.Name, key, value, start, end);
                lastOption = line;
                int at = current.IndexOf(key);
                if (at >= 0)
                {
                    Diag(i + 1, "warning", "duplicate-key", current.Name, key);
                    current.Options[at] = (key, value, i + 1, current.Options[at].Occurrences + 1);
                }
                else
                {
                    current.Options.Add((key, value, i + 1, 1));
                }
                continue;
            }
            line.Kind = "Invalid";
            line.Section = current.Name;
            Diag(i + 1, "error", "invalid-line", current.Name);
        }

        var described = lines.Select(l => $"{l.Number}:{l.Kind}:{l.Section}:{l.Key}:{l.Value}:{l.ValueStart}:{l.ValueEnd}:{l.Text}{l.Eol}")
            .Concat(sections.Append(defaults).OfType<Section>().Select(s =>
                $"[{s.Name}]{string.Join(",", s.HeaderLines)}:{string.Join(";", s.Options.Select(o => $"{o.Key}={o.Value}@{o.Line}x{o.Occurrences}"))}"))
            .Concat(diagnostics);
        return string.Join("\n", described) + "\n" + !diagnostics.Any(d => d.Contains(":error:"));
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f';

    private static List<Line> Split(string text)
    {
        var lines = new List<Line>();
        int start = 0;
        while (start < text.Length)
        {
            int nl = text.IndexOf('\n', start);
            if (nl < 0) { lines.Add(new Line(text[start..], "")); break; }
            bool crlf = nl > start && text[nl - 1] == '\r';
            lines.Add(new Line(text[start..(crlf ? nl - 1 : nl)], crlf ? "\r\n" : "\n"));
            start = nl + 1;
        }
        return lines;
    }
}
