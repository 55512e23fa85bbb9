using QubesPoolConsole.Core.Config;
using QubesPoolConsole.Core.Diagnostics;
using QubesPoolConsole.Core.Vms;
using static QubesPoolConsole.Core.Diagnostics.DiagnosticCodes;

namespace QubesPoolConsole.Core.Pools;

/// <summary>
/// The one judge of a change to storage.conf, whatever made it (a form, the raw editor, a restore, a rebase, the
/// command line): it compares the resulting document with the file as loaded and with qubes.xml. It judges the
/// result, not the kind of edit, so deleting a section by hand is refused exactly like <c>pool remove</c>.
/// </summary>
public static class ChangeJudge
{
    /// <summary>True for a warning that must be confirmed before the change is written.</summary>
    public static bool NeedsConfirmation(Diagnostic d) => !d.IsError && d.Code == PoolMoved;

    /// <summary>
    /// Judges <paramref name="result"/> against <paramref name="loaded"/> (null when there was no file):
    /// <list type="bullet">
    /// <item>Qubes must be able to read it, and it must have no error the loaded file did not have (every rule of
    /// <see cref="PoolRules"/>, the <c>[default]</c> rules among them); new warnings are passed on;</item>
    /// <item>a pool that disappears (removed, renamed, or made unreadable) while qubes.xml names VMs in it is an
    /// error naming them; when qubes.xml could not be read, any pool that disappears is an error with the reason;</item>
    /// <item>a changed effective dir_path of a pool with VMs (also through [DEFAULT] or a removed key) is a warning
    /// that <see cref="NeedsConfirmation"/>;</item>
    /// <item>every dir_path the change sets is looked for on this machine (<see cref="DirPathOnDisk"/>).</item>
    /// </list>
    /// </summary>
    public static ChangeVerdict Judge(StorageConfDocument? loaded, StorageConfDocument result, InventoryResult inventory,
        string defaultDirPath = KnownDrivers.DefaultDirPath)
    {
        if (loaded is not null && ReferenceEquals(loaded, result)) return ChangeVerdict.None;
        var found = new List<Diagnostic>();
        var before = loaded is null ? [] : PoolRules.Validate(loaded).Select(Identity).ToHashSet();
        var fresh = PoolRules.Validate(result)
            .Where(d => !before.Contains(Identity(d)) || (d.IsError && !result.IsReadableByQubes && result.SyntaxDiagnostics.Contains(d)))
            .ToList();
        found.AddRange(fresh);

        var oldPools = loaded is { IsReadableByQubes: true } ? PoolModel.Build(loaded, defaultDirPath) : [];
        var newPools = result.IsReadableByQubes
            ? PoolModel.Build(result, defaultDirPath).GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal)
            : [];
        var usage = inventory.Collection.Usage;
        foreach (var old in oldPools)
        {
            var vms = usage.VmsIn(old.Name);
            if (!newPools.TryGetValue(old.Name, out var now))
            {
                if (Gone(old.Name, vms, inventory.Error, result.IsReadableByQubes) is { } gone) found.Add(gone);
                continue;
            }
            if (vms.Count > 0 && fresh.FirstOrDefault(d => d.IsError && d.Section == old.Name) is { } broken)
            {
                found.Add(Diagnostic.Error(PoolInUse,
                    $"Pool '{old.Name}' is used by {vms.Count} VM(s): {string.Join(", ", vms)}. After this change Qubes cannot load the pool ({broken.Message}) and so none of its VMs; fix the pool, or move those VMs first.",
                    section: old.Name));
            }
            if (Moved(old, now, vms, inventory.Error) is { } moved) found.Add(moved);
        }
        foreach (var now in newPools.Values)
        {
            if (!now.IsXen || now.DirPath?.Value is not { } dir || DirPath.Check(dir) is not { Error: null } ok) continue;
            var old = oldPools.LastOrDefault(p => p.Name == now.Name)?.DirPath?.Value;
            if (old is not null && DirPath.Normalize(old) == ok.Normalized) continue;
            if (DirPathOnDisk.Check(now.Name, ok.Normalized) is { } onDisk) found.Add(onDisk);
        }
        return new ChangeVerdict([.. found.Where(d => d.IsError), .. found.Where(d => !d.IsError)]);
    }

    private static Diagnostic? Gone(string pool, IReadOnlyList<string> vms, string? inventoryError, bool resultReadable)
    {
        var how = resultReadable ? "Removing it" : "A storage.conf that Qubes cannot read";
        if (inventoryError is not null)
        {
            return Diagnostic.Error(PoolUsageUnknown,
                $"Cannot tell whether any VM uses pool '{PoolName.Shorten(pool)}': {inventoryError} Restore qubes.xml (or name the right file), then remove the pool.",
                section: pool);
        }
        return vms.Count == 0
            ? null
            : Diagnostic.Error(PoolInUse,
                $"Pool '{PoolName.Shorten(pool)}' is used by {vms.Count} VM(s): {string.Join(", ", vms)}. {how} would stop Qubes from loading any VM; move or remove those VMs first.",
                section: pool);
    }

    private static Diagnostic? Moved(EffectivePool old, EffectivePool now, IReadOnlyList<string> vms, string? inventoryError)
    {
        var from = old.DirPath?.Value;
        var to = now.DirPath?.Value;
        if (from == to || (from is not null && to is not null && DirPath.Normalize(from) == DirPath.Normalize(to))) return null;
        if (inventoryError is not null)
        {
            return Diagnostic.Warning(PoolMoveUnchecked,
                $"{inventoryError} If VMs use pool '{PoolName.Shorten(old.Name)}', Qubes will look for their files under the new dir_path; no files are moved.",
                section: old.Name, key: KnownDrivers.DirPathKey);
        }
        if (vms.Count == 0) return null;
        var where = to is null
            ? $"Without a dir_path Qubes no longer finds their images (they were under '{from}')"
            : $"Qubes will look for their images under '{DirPath.Normalize(to)}' instead of '{from}'";
        return Diagnostic.Warning(PoolMoved,
            $"Pool '{old.Name}' holds {vms.Count} VM(s) ({string.Join(", ", vms)}). {where}; no files are moved. Move the files yourself before starting those VMs.",
            section: old.Name, key: KnownDrivers.DirPathKey);
    }

    private static (string, string?, string?) Identity(Diagnostic d) => (d.Code, d.Section, d.Key);
}
