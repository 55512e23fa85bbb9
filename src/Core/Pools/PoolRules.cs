using QubesPoolConsole.Core.Config;
using QubesPoolConsole.Core.Diagnostics;
using static QubesPoolConsole.Core.Diagnostics.DiagnosticCodes;

namespace QubesPoolConsole.Core.Pools;

/// <summary>
/// Every rule Qubes R3.2 imposes on storage.conf (see docs/qubes-r3.2.md), checked on a whole document.
/// Stricter than Qubes where Qubes is sloppy; never looser.
/// </summary>
public static class PoolRules
{
    /// <summary>All diagnostics for a document: the parser's, then the pool rules', in line order.</summary>
    public static IReadOnlyList<Diagnostic> Validate(StorageConfDocument document) => Collect(document, null);

    /// <summary>
    /// The diagnostics of <see cref="Validate"/> about one pool or about the whole file (those without a section),
    /// found without checking the other pools: what an edit of that pool can change.
    /// </summary>
    public static IReadOnlyList<Diagnostic> ValidatePool(StorageConfDocument document, string pool) => Collect(document, pool);

    private static IReadOnlyList<Diagnostic> Collect(StorageConfDocument document, string? pool)
    {
        bool Wanted(string? section) => pool is null || section is null || section == pool;
        var found = document.SyntaxDiagnostics.Where(d => Wanted(d.Section)).ToList();
        if (document.FindSection(KnownDrivers.DefaultPool) is null)
        {
            found.Add(Diagnostic.Error(DefaultPoolMissing,
                "There is no [default] section; Qubes cannot load any VM of the default pool. Add a section '[default]' with 'driver=xen'."));
        }
        if (document.Defaults is { } defaults && Wanted(StorageConfParser.DefaultsSection))
        {
            foreach (var o in defaults.Options.Values)
            {
                found.Add(Diagnostic.Error(DefaultsSectionKeys,
                    $"'{o.Key}' in [DEFAULT] is given to every pool, including default, which crashes Qubes R3.2. Move it into the pools that need it.",
                    o.Line, StorageConfParser.DefaultsSection, o.Key));
            }
        }
        var lines = document.Records;
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Kind != LineKind.Option) continue;
            var text = document.TextOf(lines[i]);
            var written = text[..StorageConfParser.KeyEnd(text)];
            if (PyText.HasAsciiUpper(written) && Wanted(document.SectionOf(lines[i])))
            {
                found.Add(Diagnostic.Warning(KeyCase,
                    $"Qubes reads option '{written}' as '{lines[i].Key}'. Write it in lower case.",
                    i + 1, document.SectionOf(lines[i]), lines[i].Key));
            }
        }
        var pools = pool is null ? PoolModel.Build(document) : PoolModel.Find(document, pool) is { } one ? [one] : [];
        foreach (var p in pools)
        {
            PoolChecks.Check(p, document, found);
        }
        return [.. found.OrderBy(d => d.Line ?? 0)]; // stable: on one line, the parser's findings come first
    }

    /// <summary>Only the diagnostics about one pool.</summary>
    public static IEnumerable<Diagnostic> ForPool(IEnumerable<Diagnostic> diagnostics, string pool)
        => diagnostics.Where(d => d.Section == pool);
}
