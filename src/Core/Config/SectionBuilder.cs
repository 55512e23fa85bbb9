using QubesPoolConsole.Core.Diagnostics;

namespace QubesPoolConsole.Core.Config;

/// <summary>
/// Merges the options of a scanned document as Qubes does: every block of a section in one, later definitions
/// winning, continuation lines appended with <c>\n</c>. Adds the duplicate-key warnings to the scan's diagnostics.
/// </summary>
internal static class SectionBuilder
{
    public static ParseOutcome Build(string text, ScanOutcome scan)
    {
        var byIndex = new ConfSection[scan.SectionNames.Count];
        var sections = new OrderedDictionary<string, ConfSection>(scan.SectionNames.Count, StringComparer.Ordinal);
        ConfSection? defaults = null;
        List<Diagnostic>? warnings = null;
        var cache = new TextCache();
        var lines = scan.Lines;
        string? lastKey = null;

        for (int i = 0; i < lines.Length; i++)
        {
            ref readonly var line = ref lines[i];
            switch (line.Kind)
            {
                case LineKind.SectionHeader:
                    lastKey = null;
                    if (byIndex[line.Section] is { } seen)
                    {
                        seen.HeaderLines.Add(i + 1);
                        break;
                    }
                    var section = byIndex[line.Section] = new ConfSection(scan.SectionNames[line.Section], i + 1);
                    if (section.Name == StorageConfParser.DefaultsSection) defaults = section;
                    else sections.Add(section.Name, section);
                    break;

                case LineKind.Option:
                    {
                        var options = byIndex[line.Section].Options;
                        var key = lastKey = line.Key!;
                        var value = StorageConfParser.Value(text.AsSpan(line.Start + line.ValueStart, line.ValueEnd - line.ValueStart), cache);
                        if (options.TryGetValue(key, out var previous))
                        {
                            (warnings ??= []).Add(Diagnostic.Warning(DiagnosticCodes.DuplicateKey,
                                $"Option '{key}' of [{byIndex[line.Section].Name}] is set again on line {i + 1} (first on line {previous.Line}); Qubes uses only the last value. Remove the line you do not mean.",
                                i + 1, byIndex[line.Section].Name, key));
                            options[key] = new ConfOption(key, value, i + 1, previous.Occurrences + 1);
                        }
                        else
                        {
                            options.Add(key, new ConfOption(key, value, i + 1, 1));
                        }
                        break;
                    }

                case LineKind.Continuation:
                    {
                        var more = PyText.Strip(text.AsSpan(line.Start, line.Length));
                        var options = byIndex[line.Section].Options;
                        var option = options[lastKey!];
                        options[lastKey!] = option with { Value = string.Concat(option.Value, "\n", more) };
                        break;
                    }
            }
        }

        return new ParseOutcome(sections, defaults, warnings is null ? scan.Diagnostics : Merge(scan.Diagnostics, warnings));
    }

    /// <summary>Both lists are in line order; on the same line the scan's (NUL byte, BOM) come first, as Qubes' parser meets them.</summary>
    private static List<Diagnostic> Merge(List<Diagnostic> scan, List<Diagnostic> warnings)
    {
        var merged = new List<Diagnostic>(scan.Count + warnings.Count);
        int a = 0, b = 0;
        while (a < scan.Count || b < warnings.Count)
        {
            bool takeScan = b >= warnings.Count || (a < scan.Count && (scan[a].Line ?? 0) <= (warnings[b].Line ?? 0));
            merged.Add(takeScan ? scan[a++] : warnings[b++]);
        }
        return merged;
    }
}
