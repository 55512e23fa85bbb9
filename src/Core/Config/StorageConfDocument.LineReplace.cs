namespace QubesPoolConsole.Core.Config;

public sealed partial class StorageConfDocument
{
    /// <summary>
    /// The document with the value text of the option line at <paramref name="index"/> replaced, without scanning the
    /// file again; null when the shortcut does not apply and the caller must rebuild the document.
    /// </summary>
    /// <remarks>
    /// Applies only when the new line is read exactly like the old one except for its value: an option with the same
    /// key, no continuation lines after it, and no NUL byte in either text (the only per-line diagnostic that depends
    /// on the text). Every other line's classification, the section names and the scan's diagnostics then stay as they
    /// are; only the records after the line move by the change in length. The result equals <c>Parse(ToText())</c> of
    /// the edited text (a property test checks this), and its merged sections are built from its own text when asked.
    /// </remarks>
    private StorageConfDocument? WithOptionValueReplaced(int index, string value)
    {
        var records = _scan.Lines;
        ref readonly var old = ref records[index];
        if (old.Kind != LineKind.Option || index == 0) return null;
        var oldText = TextOf(old);
        var newText = string.Concat(oldText[..old.ValueStart], value, oldText[old.ValueEnd..]);
        if (newText.Contains('\0') || oldText.Contains('\0')) return null;
        if (newText[0] != oldText[0] || StorageConfParser.TryHeader(newText, out _, out _)) return null;
        if (!StorageConfParser.TryOption(newText, old.EolLength == 2, out var newKey, out var valueStart, out var valueEnd)) return null;
        if (!newKey.Equals(oldText[..StorageConfParser.KeyEnd(oldText)], StringComparison.Ordinal)) return null;

        var text = string.Concat(_text.AsSpan(0, old.Start), newText, _text.AsSpan(old.End));
        int delta = newText.Length - old.Length;
        var lines = (LineRecord[])records.Clone();
        ref var line = ref lines[index];
        line.Length = newText.Length;
        line.ValueStart = valueStart;
        line.ValueEnd = valueEnd;
        for (int i = index + 1; i < lines.Length; i++) lines[i].Start += delta;
        // Blank, comment and invalid lines after the option would continue it; HasContinuation ruled that out.
        var scan = new ScanOutcome(lines, _scan.SectionNames, _scan.SectionIndex, _scan.FirstLines, _scan.Diagnostics);
        return new StorageConfDocument(text, scan);
    }
}
