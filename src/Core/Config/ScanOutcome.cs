using QubesPoolConsole.Core.Diagnostics;

namespace QubesPoolConsole.Core.Config;

/// <summary>
/// The result of one pass over the text: every line classified, every section name (duplicates merged, in order of
/// first appearance, <c>[DEFAULT]</c> included), and what the pass found. Merged options are built from it only
/// when asked for (<see cref="SectionBuilder"/>).
/// </summary>
internal sealed class ScanOutcome(LineRecord[] lines, List<string> sectionNames, Dictionary<string, int> sectionIndex, List<int> firstLines, List<Diagnostic> diagnostics)
{
    public LineRecord[] Lines { get; } = lines;

    public List<string> SectionNames { get; } = sectionNames;

    /// <summary>Section name → index into <see cref="SectionNames"/>.</summary>
    public Dictionary<string, int> SectionIndex { get; } = sectionIndex;

    /// <summary>1-based line of each section's first header.</summary>
    public List<int> FirstLines { get; } = firstLines;

    /// <summary>Every error (Qubes cannot read the file) and the duplicate-section warnings, in line order.</summary>
    public List<Diagnostic> Diagnostics { get; } = diagnostics;

    public bool HasErrors { get; } = diagnostics.Exists(d => d.IsError);

    public int FindSection(string name) => SectionIndex.GetValueOrDefault(name, -1);
}
