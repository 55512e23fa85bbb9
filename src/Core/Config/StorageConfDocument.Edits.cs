namespace QubesPoolConsole.Core.Config;

public sealed partial class StorageConfDocument
{
    /// <summary>
    /// Sets an option. When the key exists (in any block of the section) only the value text of its
    /// last definition changes — its <c>key=value</c> or <c>key = value</c> style and inline comment stay —
    /// and that definition's continuation lines go. Otherwise a line is added after the section's last
    /// option, in the section's prevailing style.
    /// </summary>
    /// <exception cref="ArgumentException">The section does not exist, or key/value cannot be written safely
    /// (callers validate with the pool rules first; reaching this is a bug).</exception>
    public StorageConfDocument SetOption(string section, string key, string value)
    {
        ConfSyntax.EnsureKey(key);
        ConfSyntax.EnsureValue(value);
        RequireSection(section);
        var lines = new List<ConfLine>(_lines);
        int last = LastIndex(l => l.Kind == LineKind.Option && l.Section == section && l.Key == key);
        if (last >= 0)
        {
            var line = _lines[last];
            if (line.Text.AsSpan(line.ValueStart, line.ValueEnd - line.ValueStart).SequenceEqual(value) && !HasContinuation(last))
            {
                return this;
            }
            var newText = string.Concat(line.Text.AsSpan(0, line.ValueStart), value, line.Text.AsSpan(line.ValueEnd));
            if (!HasContinuation(last) && WithOptionLineReplaced(last, newText) is { } replaced) return replaced;
            lines[last] = line.WithText(newText);
            int next = last + 1;
            while (next < lines.Count && _lines[next].Kind is LineKind.Continuation or LineKind.Blank or LineKind.Comment)
            {
                if (_lines[next].Kind == LineKind.Continuation) lines[next] = null!;
                next++;
            }
            return FromLines(lines.Where(l => l is not null));
        }

        int after = LastIndex(l => l.Section == section && l.Kind is LineKind.SectionHeader or LineKind.Option or LineKind.Continuation);
        var sep = ConfStyle.Separator(_lines.Where(l => l.Section == section));
        InsertAfter(lines, after, [key + sep + value]);
        return FromLines(lines);
    }

    /// <summary>Removes every definition of an option in a section, with its continuation lines. A no-op when absent.</summary>
    public StorageConfDocument RemoveOption(string section, string key)
    {
        RequireSection(section);
        if (!_lines.Any(l => l.Section == section && l.Key == key && l.Kind == LineKind.Option)) return this;
        var kept = _lines.Where(l => !(l.Section == section && l.Key == key && l.Kind is LineKind.Option or LineKind.Continuation)).ToList();
        if (kept.Count > 0 && _lines[^1].Eol.Length == 0 && !ReferenceEquals(kept[^1], _lines[^1]))
        {
            kept[^1] = kept[^1].WithEol("");
        }
        return FromLines(kept);
    }

    /// <summary>
    /// Appends a section after the last non-blank line (trailing blank lines stay last), separated from
    /// what precedes it by one blank line, in the file's prevailing line ending and <c>key=value</c> style.
    /// A file without a final newline keeps that: the new last line has none either.
    /// </summary>
    public StorageConfDocument AddSection(string name, IEnumerable<KeyValuePair<string, string>> options)
    {
        ConfSyntax.EnsureSectionName(name);
        if (FindSection(name) is not null) throw new ArgumentException($"Section [{name}] already exists.", nameof(name));
        var sep = ConfStyle.Separator(_lines);
        var newLines = new List<string>();
        int after = LastIndex(l => l.Kind != LineKind.Blank);
        if (after >= 0) newLines.Add("");
        newLines.Add("[" + name + "]");
        foreach (var (k, v) in options)
        {
            ConfSyntax.EnsureKey(k);
            ConfSyntax.EnsureValue(v);
            newLines.Add(k + sep + v);
        }
        var lines = new List<ConfLine>(_lines);
        InsertAfter(lines, after, newLines);
        return FromLines(lines);
    }

    /// <summary>
    /// Removes a section: each of its headers with the options and continuation lines under it, and the
    /// comments between them. Comments and blank lines after its last option are kept (they usually
    /// introduce what follows), and so are comments above its header: nothing that may belong to another
    /// part of the file is lost. One blank line before the header goes too when a blank line or the end of
    /// the file follows, so that removing undoes <see cref="AddSection"/> exactly.
    /// </summary>
    public StorageConfDocument RemoveSection(string name)
    {
        RequireSection(name);
        var lines = new List<ConfLine>(_lines);
        string? finalEol = null;
        for (int h = _lines.Length - 1; h >= 0; h--)
        {
            if (_lines[h].Kind != LineKind.SectionHeader || _lines[h].Section != name) continue;
            int end = h;
            for (int i = h + 1; i < _lines.Length && _lines[i].Kind != LineKind.SectionHeader; i++)
            {
                if (_lines[i].Kind is LineKind.Option or LineKind.Continuation or LineKind.Invalid) end = i;
            }
            int start = h;
            bool followedByBlankOrEnd = end + 1 >= _lines.Length || _lines[end + 1].Kind == LineKind.Blank;
            if (h > 0 && _lines[h - 1].Kind == LineKind.Blank && followedByBlankOrEnd) start = h - 1;
            if (end == _lines.Length - 1) finalEol = _lines[end].Eol;
            lines.RemoveRange(start, end - start + 1);
        }
        // Only a missing final newline is carried over; the new last line otherwise keeps its own ending (CRLF or LF).
        if (finalEol is "" && lines.Count > 0 && lines[^1].Eol.Length != 0)
        {
            lines[^1] = lines[^1].WithEol(finalEol);
        }
        return FromLines(lines);
    }

    private void InsertAfter(List<ConfLine> lines, int after, IReadOnlyList<string> texts)
    {
        var eol = ConfStyle.LineEnding(_lines);
        var added = new List<ConfLine>(texts.Count);
        foreach (var t in texts) added.Add(new ConfLine(t, eol));
        if (after >= 0 && lines[after].Eol.Length == 0)
        {
            // The file had no final newline: the new last line takes over that convention.
            lines[after] = lines[after].WithEol(eol);
            added[^1] = added[^1].WithEol("");
        }
        lines.InsertRange(after + 1, added);
    }

    private bool HasContinuation(int optionIndex)
    {
        for (int i = optionIndex + 1; i < _lines.Length; i++)
        {
            switch (_lines[i].Kind)
            {
                case LineKind.Continuation: return true;
                case LineKind.Blank or LineKind.Comment: continue;
                default: return false;
            }
        }
        return false;
    }

    private int LastIndex(Func<ConfLine, bool> predicate)
    {
        for (int i = _lines.Length - 1; i >= 0; i--)
        {
            if (predicate(_lines[i])) return i;
        }
        return -1;
    }

    private void RequireSection(string name)
    {
        if (FindSection(name) is null) throw new ArgumentException($"Section [{name}] does not exist.", nameof(name));
    }
}
