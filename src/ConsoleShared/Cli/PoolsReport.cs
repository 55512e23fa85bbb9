using QubesPoolConsole.Core.Diagnostics;
using QubesPoolConsole.Core.Pools;
using QubesPoolConsole.Core.Storage;

namespace QubesPoolConsole.Server.Cli;

/// <summary>What <c>pools</c> and <c>check</c> report: the pools as Qubes would load them, their VMs, and every diagnostic.</summary>
/// <param name="File">storage.conf's path.</param>
/// <param name="Sha256">Hex SHA-256 of its bytes; null when it is missing or cannot be read.</param>
/// <param name="Status">Loaded, missing or unreadable.</param>
/// <param name="Pools">The pools; empty when Qubes cannot read the file.</param>
/// <param name="Diagnostics">storage.conf's diagnostics in line order, then one about qubes.xml if it cannot be read.</param>
/// <param name="Snapshot">What was read.</param>
public sealed record PoolsReport(
    string File,
    string? Sha256,
    LoadStatus Status,
    IReadOnlyList<EffectivePool> Pools,
    IReadOnlyList<Diagnostic> Diagnostics,
    PoolsSnapshot Snapshot)
{
    /// <summary>Code of the warning added when qubes.xml cannot be read.</summary>
    public const string InventoryUnreadable = "inventory-unreadable";

    /// <summary>Builds the report from a snapshot.</summary>
    public static PoolsReport From(PoolsSnapshot snapshot, string file)
    {
        var diagnostics = snapshot.Diagnostics.ToList();
        if (snapshot.Inventory.Error is { } inventoryError)
        {
            diagnostics.Add(Diagnostic.Warning(InventoryUnreadable,
                $"{inventoryError} The VM lists are empty and nothing is known about which pools are in use."));
        }
        return new PoolsReport(file, snapshot.Load.Sha256, snapshot.Load.Status, snapshot.Pools, diagnostics, snapshot);
    }

    /// <summary>Number of errors.</summary>
    public int Errors => Diagnostics.Count(d => d.IsError);

    /// <summary>Number of warnings.</summary>
    public int Warnings => Diagnostics.Count(d => !d.IsError);

    /// <summary>True when the file could not be read at all (missing, unreadable, not UTF-8).</summary>
    public bool Unreadable => Status != LoadStatus.Loaded;

    /// <summary>Names of the VMs whose pool_name is <paramref name="pool"/>, in qubes.xml order.</summary>
    public IReadOnlyList<string> VmsIn(string pool) => Snapshot.VmsIn(pool).Select(v => v.Name).ToList();
}
