using QubesPoolConsole.Core.Diagnostics;

namespace QubesPoolConsole.Components.Model;

/// <summary>Builds the pools grid from a draft: the draft's pools, then those the draft removes.</summary>
public static class PoolRows
{
    /// <summary>Rows for the draft's current pools; <paramref name="probe"/> defaults to <see cref="DiskSpace.Probe"/>.</summary>
    public static IReadOnlyList<PoolRow> Build(PoolDraft draft, Func<string, SpaceInfo>? probe = null)
        => Build(draft, CurrentDiagnostics(draft), probe);

    /// <summary>Rows for the draft's current pools, with the draft's diagnostics already computed.</summary>
    public static IReadOnlyList<PoolRow> Build(PoolDraft draft, IReadOnlyList<Diagnostic> diagnostics, Func<string, SpaceInfo>? probe = null)
        => Build(draft.Base.Pools, draft.CurrentPools, diagnostics, draft.Base.Inventory.Collection, probe);

    /// <summary>Rows for <paramref name="current"/>, marked against <paramref name="onDisk"/>.</summary>
    public static IReadOnlyList<PoolRow> Build(
        IReadOnlyList<EffectivePool> onDisk,
        IReadOnlyList<EffectivePool> current,
        IReadOnlyList<Diagnostic> diagnostics,
        VmInventory inventory,
        Func<string, SpaceInfo>? probe = null)
    {
        probe ??= DiskSpace.Probe;
        // Looked up once per pool: with a thousand pools, scanning every diagnostic and every VM per row adds up.
        var baseByName = new Dictionary<string, EffectivePool>(onDisk.Count, StringComparer.Ordinal);
        foreach (var pool in onDisk) baseByName.TryAdd(pool.Name, pool);
        var counts = DiagnosticCounts(diagnostics);
        var vms = VmCounts(inventory);
        var rows = new List<PoolRow>(current.Count);
        var names = new HashSet<string>(current.Count, StringComparer.Ordinal);
        foreach (var pool in current)
        {
            names.Add(pool.Name);
            var status = !baseByName.TryGetValue(pool.Name, out var before) ? PoolRowStatus.New
                : SameSettings(before, pool) ? PoolRowStatus.Unchanged : PoolRowStatus.Changed;
            rows.Add(Row(pool, status, counts.GetValueOrDefault(pool.Name), vms.GetValueOrDefault(pool.Name), probe));
        }
        foreach (var removed in onDisk)
        {
            if (!names.Contains(removed.Name)) rows.Add(Row(removed, PoolRowStatus.Removed, default, vms.GetValueOrDefault(removed.Name), probe));
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

    private static PoolRow Row(EffectivePool pool, PoolRowStatus status, (int Errors, int Warnings) diagnostics, int vmCount, Func<string, SpaceInfo> probe)
    {
        var dir = pool.DirPath;
        return new PoolRow(
            pool.Name,
            pool.DriverDisplay,
            dir?.Value,
            dir?.Source == OptionSource.Implied,
            vmCount,
            dir is null ? null : probe(dir.Value),
            diagnostics.Errors,
            diagnostics.Warnings,
            status);
    }

    // Errors and warnings per section, as PoolRules.ForPool would select them one pool at a time.
    private static Dictionary<string, (int Errors, int Warnings)> DiagnosticCounts(IReadOnlyList<Diagnostic> diagnostics)
    {
        var counts = new Dictionary<string, (int Errors, int Warnings)>(StringComparer.Ordinal);
        foreach (var d in diagnostics)
        {
            if (d.Section is not { } section) continue;
            var (errors, warnings) = counts.GetValueOrDefault(section);
            counts[section] = d.IsError ? (errors + 1, warnings) : (errors, warnings + 1);
        }
        return counts;
    }

    // VMs per pool_name, as VmInventory.InPool would count them one pool at a time.
    private static Dictionary<string, int> VmCounts(VmInventory inventory)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var vm in inventory.Vms)
        {
            counts[vm.PoolName] = counts.GetValueOrDefault(vm.PoolName) + 1;
        }
        return counts;
    }
}
