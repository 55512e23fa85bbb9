namespace QubesPoolConsole.Core.Config;

public sealed partial class StorageConfDocument
{
    /// <summary>
    /// The document with the option line at <paramref name="index"/> given a new value, without re-classifying
    /// every line; null when the shortcut does not apply and the caller must rebuild the document.
    /// </summary>
    /// <remarks>
    /// Applies only when the new line is read exactly like the old one except for its value: an option with the
    /// same key in the same section, the winning definition of that key with no continuation lines, and no NUL
    /// byte in either text (the only per-line diagnostic that depends on the text).
    /// Line numbers, every other line's classification and the parser's diagnostics then stay as they are, so the
    /// result equals <c>Parse(ToText())</c> of the edited text. Unchanged lines and sections are shared with this
    /// document; both are immutable once classified.
    /// </remarks>
    private StorageConfDocument? WithOptionLineReplaced(int index, string newText)
    {
        var old = _lines[index];
        if (old.Kind != LineKind.Option || old.Section is not { } sectionName || old.Key is not { } key) return null;
        if (index == 0 || newText.Contains('\0') || old.Text.Contains('\0')) return null;
        if (newText.Length == 0 || newText[0] != old.Text[0] || StorageConfParser.TryHeader(newText, out _)) return null;
        if (!StorageConfParser.TryOption(newText, old.Eol == "\r\n", out var newKey, out var valueStart, out var valueEnd, out var value)) return null;
        if (newKey != key) return null;
        // Qubes' parser keeps continuing the last option across blank, comment and invalid lines.
        for (int i = index + 1; i < _lines.Length && _lines[i].Kind is not (LineKind.SectionHeader or LineKind.Option); i++)
        {
            if (_lines[i].Kind == LineKind.Continuation) return null;
        }
        var section = FindSection(sectionName);
        if (section is null || !section.Options.TryGetValue(key, out var option) || option.Line != old.Number) return null;

        var line = new ConfLine(newText, old.Eol)
        {
            Kind = LineKind.Option,
            Section = sectionName,
            Key = key,
            Value = value,
            ValueStart = valueStart,
            ValueEnd = valueEnd,
            Number = old.Number,
        };
        var lines = (ConfLine[])_lines.Clone();
        lines[index] = line;

        var edited = section.WithOption(option with { Value = value });
        ConfSection? defaults = _parse.Defaults;
        var sections = _parse.Sections;
        if (ReferenceEquals(section, defaults))
        {
            defaults = edited;
        }
        else
        {
            sections = new OrderedDictionary<string, ConfSection>(_parse.Sections.Count, StringComparer.Ordinal);
            foreach (var (name, s) in _parse.Sections) sections.Add(name, ReferenceEquals(s, section) ? edited : s);
        }
        return new StorageConfDocument(lines, new ParseOutcome(sections, defaults, [.. _parse.Diagnostics]));
    }
}
