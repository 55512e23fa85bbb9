using QubesPoolConsole.Core.Diagnostics;
using QubesPoolConsole.Core.Drafts;
using QubesPoolConsole.Core.Pools;
using QubesPoolConsole.Core.Storage;
using QubesPoolConsole.Core.Vms;

namespace QubesPoolConsole.Components.Model;

/// <summary>Builds the pools grid from a draft: the draft's pools, then those the draft removes.</summary>
public static class PoolRows
{
    /// <summary>Rows for the draft's current pools; <paramref name="probe"/> defaults to <see cref="DiskSpace.Probe"/>.</summary>
    public static IReadOnlyList<PoolRow> Build(PoolDraft draft, Func<string, SpaceInfo>? probe = null)
        => Build(draft.Base.Pools, draft.CurrentPools, CurrentDiagnostics(draft), draft.Base.Inventory.Inventory, probe);

    /// <summary>Rows for <paramref name="current"/>, marked against <paramref name="onDisk"/>.</summary>
    public static IReadOnlyList<PoolRow> Build(
        IReadOnlyList<EffectivePool> onDisk,
        IReadOnlyList<EffectivePool> current,
        IReadOnlyList<Diagnostic> diagnostics,
        VmInventory inventory,
        Func<string, SpaceInfo>? probe = null)
    {
        probe ??= DiskSpace.Probe;
        var baseByName = onDisk.GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var rows = new List<PoolRow>(current.Count);
        foreach (var pool in current)
        {
            var status = !baseByName.TryGetValue(pool.Name, out var before) ? PoolRowStatus.New
                : SameSettings(before, pool) ? PoolRowStatus.Unchanged : PoolRowStatus.Changed;
            rows.Add(Row(pool, status, diagnostics, inventory, probe));
        }
        var names = current.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var removed in onDisk.Where(p => !names.Contains(p.Name)))
        {
            rows.Add(Row(removed, PoolRowStatus.Removed, [], inventory, probe));
        }
        return rows;
    }

    /// <summary>Diagnostics of the draft's text (the file's own problem when it could not be loaded).</summary>
    public static IReadOnlyList<Diagnostic> CurrentDiagnostics(PoolDraft draft)
        => draft.Current is { } doc ? PoolRules.Validate(doc) : draft.Base.Diagnostics;

    /// <summary>True when two versions of a pool give Qubes the same settings.</summary>
    public static bool SameSettings(EffectivePool a, EffectivePool b)
        => a.Driver == b.Driver && a.Class == b.Class
           && a.Effective.Select(o => (o.Key, o.Value, o.Source)).SequenceEqual(b.Effective.Select(o => (o.Key, o.Value, o.Source)));

    private static PoolRow Row(EffectivePool pool, PoolRowStatus status, IReadOnlyList<Diagnostic> diagnostics, VmInventory inventory, Func<string, SpaceInfo> probe)
    {
        var mine = PoolRules.ForPool(diagnostics, pool.Name).ToList();
        var dir = pool.DirPath;
        return new PoolRow(
            pool.Name,
            pool.DriverDisplay,
            dir?.Value,
            dir?.Source == OptionSource.Implied,
            inventory.InPool(pool.Name).Count(),
            dir is null ? null : probe(dir.Value),
            mine.Count(d => d.IsError),
            mine.Count(d => !d.IsError),
            status);
    }
}
