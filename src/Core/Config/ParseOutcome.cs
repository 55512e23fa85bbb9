using QubesPoolConsole.Core.Diagnostics;

namespace QubesPoolConsole.Core.Config;

/// <summary>Sections as Qubes reads them (duplicates merged), and every diagnostic of the parser in line order.</summary>
internal sealed record ParseOutcome(
    OrderedDictionary<string, ConfSection> Sections,
    ConfSection? Defaults,
    List<Diagnostic> Diagnostics);
