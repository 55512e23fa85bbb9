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
        int last = LastOptionLine(_scan.FindSection(section), key);
        if (last >= 0)
        {
            ref readonly var record = ref _scan.Lines[last];
            bool continued = HasContinuation(last);
            if (!continued && _text.AsSpan(record.Start + record.ValueStart, record.ValueEnd - record.ValueStart).SequenceEqual(value))
            {
                return this;
            }
            if (!continued && WithOptionValueReplaced(last, value) is { } replaced) return replaced;
            var old = LineObjects;
            var lines = new List<ConfLine>(old);
            var line = old[last];
            lines[last] = line.WithText(string.Concat(line.Text.AsSpan(0, line.ValueStart), value, line.Text.AsSpan(line.ValueEnd)));
            int next = last + 1;
            while (next < lines.Count && old[next].Kind is LineKind.Continuation or LineKind.Blank or LineKind.Comment)
            {
                if (old[next].Kind == LineKind.Continuation) lines[next] = null!;
                next++;
            }
            return FromLines(lines.Where(l => l is not null));
        }

        var all = LineObjects;
        int after = LastIndex(l => l.Section == section && l.Kind is LineKind.SectionHeader or LineKind.Option or LineKind.Continuation);
        var sep = ConfStyle.Separator(all.Where(l => l.Section == section));
        var added = new List<ConfLine>(all);
        InsertAfter(added, after, [key + sep + value]);
        return FromLines(added);
    }

    /// <summary>Removes every definition of an option in a section, with its continuation lines. A no-op when absent.</summary>
    public StorageConfDocument RemoveOption(string section, string key)
    {
        RequireSection(section);
        if (LastOptionLine(_scan.FindSection(section), key) < 0) return this;
        var old = LineObjects;
        var kept = old.Where(l => !(l.Section == section && l.Key == key && l.Kind is LineKind.Option or LineKind.Continuation)).ToList();
        if (kept.Count > 0 && old[^1].Eol.Length == 0 && !ReferenceEquals(kept[^1], old[^1]))
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
        if (HasSection(name)) throw new ArgumentException($"Section [{name}] already exists.", nameof(name));
        var old = LineObjects;
        var sep = ConfStyle.Separator(old);
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
        var lines = new List<ConfLine>(old);
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
        var old = LineObjects;
        var lines = new List<ConfLine>(old);
        string? finalEol = null;
        for (int h = old.Length - 1; h >= 0; h--)
        {
            if (old[h].Kind != LineKind.SectionHeader || old[h].Section != name) continue;
            int end = h;
            for (int i = h + 1; i < old.Length && old[i].Kind != LineKind.SectionHeader; i++)
            {
                if (old[i].Kind is LineKind.Option or LineKind.Continuation or LineKind.Invalid) end = i;
            }
            int start = h;
            bool followedByBlankOrEnd = end + 1 >= old.Length || old[end + 1].Kind == LineKind.Blank;
            if (h > 0 && old[h - 1].Kind == LineKind.Blank && followedByBlankOrEnd) start = h - 1;
            if (end == old.Length - 1) finalEol = old[end].Eol;
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
        var eol = ConfStyle.LineEnding(LineObjects);
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
        var records = _scan.Lines;
        for (int i = optionIndex + 1; i < records.Length; i++)
        {
            switch (records[i].Kind)
            {
                case LineKind.Continuation: return true;
                case LineKind.Blank or LineKind.Comment: continue;
                default: return false;
            }
        }
        return false;
    }

    /// <summary>The index of the last <c>key=value</c> line of a key in a section (any of its blocks); -1 when none.</summary>
    private int LastOptionLine(int section, string key)
    {
        var records = _scan.Lines;
        for (int i = records.Length - 1; i >= 0; i--)
        {
            if (records[i].Kind == LineKind.Option && records[i].Section == section && records[i].Key == key) return i;
        }
        return -1;
    }

    private int LastIndex(Func<ConfLine, bool> predicate)
    {
        var lines = LineObjects;
        for (int i = lines.Length - 1; i >= 0; i--)
        {
            if (predicate(lines[i])) return i;
        }
        return -1;
    }

    private void RequireSection(string name)
    {
        if (!HasSection(name)) throw new ArgumentException($"Section [{name}] does not exist.", nameof(name));
    }
}
