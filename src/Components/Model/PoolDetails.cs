using QubesPoolConsole.Core.Config;
using QubesPoolConsole.Core.Diagnostics;

namespace QubesPoolConsole.Components.Model;

/// <summary>What the pool details page shows about one pool of the draft.</summary>
public sealed class PoolDetails
{
    private PoolDetails(EffectivePool pool) => Pool = pool;

    /// <summary>The pool as Qubes would load it after the pending changes.</summary>
    public EffectivePool Pool { get; }

    /// <summary>New, changed, unchanged or to be removed.</summary>
    public PoolRowStatus Status { get; private init; }

    /// <summary>Every key with where it comes from (driver and class first).</summary>
    public IReadOnlyList<OptionView> Options { get; private init; } = [];

    /// <summary>The VMs whose pool_name is this pool.</summary>
    public IReadOnlyList<VmInfo> Vms { get; private init; } = [];

    /// <summary>Diagnostics about this pool.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; private init; } = [];

    /// <summary>Space of the filesystem holding dir_path.</summary>
    public SpaceInfo? Space { get; private init; }

    /// <summary>Why the pool cannot be edited, or null.</summary>
    public string? EditBlocked { get; private init; }

    /// <summary>Builds the details of <paramref name="name"/>; null when neither the draft nor the file has it.</summary>
    public static PoolDetails? Build(PoolDraft draft, string name, Func<string, SpaceInfo>? probe = null)
    {
        probe ??= DiskSpace.Probe;
        var inventory = draft.Base.Inventory.Collection;
        var current = draft.CurrentPools.FirstOrDefault(p => p.Name == name);
        var onDisk = draft.Base.Pools.FirstOrDefault(p => p.Name == name);
        var pool = current ?? onDisk;
        if (pool is null) return null;
        var document = current is not null ? draft.Current! : draft.Base.Load.Document!;
        var status = current is null ? PoolRowStatus.Removed
            : onDisk is null ? PoolRowStatus.New
            : PoolRows.SameSettings(onDisk, current) ? PoolRowStatus.Unchanged : PoolRowStatus.Changed;

        return new PoolDetails(pool)
        {
            Status = status,
            Options = Describe(pool, document),
            Vms = inventory.InPool(name).ToList(),
            Diagnostics = status == PoolRowStatus.Removed ? [] : PoolRules.ForPool(PoolRules.Validate(document), name).ToList(),
            Space = pool.DirPath is { } dir ? probe(dir.Value) : null,
            EditBlocked = EditBlockedReason(pool, status),
        };
    }

    /// <summary>Why a pool's settings cannot be edited, or null.</summary>
    public static string? EditBlockedReason(EffectivePool pool, PoolRowStatus status = PoolRowStatus.Unchanged)
    {
        if (status == PoolRowStatus.Removed) return "The pool is removed in the pending changes.";
        if (pool.IsDefault)
        {
            return "The default pool cannot be edited: any key written into [default] crashes Qubes R3.2, and its dir_path always comes from Qubes itself. Create a new pool instead.";
        }
        return null;
    }

    private static IReadOnlyList<OptionView> Describe(EffectivePool pool, StorageConfDocument document)
    {
        var section = document.FindSection(pool.Name);
        var list = new List<OptionView>();
        void AddSpecial(string key, string? value, int? line)
        {
            if (value is null) return;
            bool own = section?.Options.ContainsKey(key) ?? false;
            list.Add(new OptionView(key, value, Origin(own ? OptionSource.Section : OptionSource.Defaults, line), false));
        }
        AddSpecial(KnownDrivers.DriverKey, pool.Driver, pool.DriverLine);
        AddSpecial(KnownDrivers.ClassKey, pool.Class, pool.ClassLine);
        foreach (var o in pool.Effective)
        {
            list.Add(new OptionView(o.Key, o.Value, Origin(o.Source, o.Line), o.Source == OptionSource.Implied));
        }
        return list;
    }

    /// <summary>"line 4", "[DEFAULT] line 2" or "implied by Qubes".</summary>
    public static string Origin(OptionSource source, int? line) => source switch
    {
        OptionSource.Section => line is { } l ? $"line {l}" : "this pool's section",
        OptionSource.Defaults => line is { } l ? $"[DEFAULT] line {l}" : "[DEFAULT]",
        _ => "implied by Qubes (not in the file)",
    };
}
