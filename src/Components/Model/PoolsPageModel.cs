using QubesPoolConsole.Core.Diagnostics;

namespace QubesPoolConsole.Components.Model;

/// <summary>What the pools page shows: the grid, the file's diagnostics, and whether the forms are usable.</summary>
/// <param name="Readable">True when Qubes can read the draft's text (pool forms enabled).</param>
/// <param name="Rows">The grid.</param>
/// <param name="Diagnostics">Every diagnostic of the draft's text, with line numbers.</param>
/// <param name="InventoryError">Why qubes.xml could not be read, or null.</param>
public sealed record PoolsPageModel(bool Readable, IReadOnlyList<PoolRow> Rows, IReadOnlyList<Diagnostic> Diagnostics, string? InventoryError)
{
    /// <summary>Before the first build.</summary>
    public static PoolsPageModel Empty { get; } = new(false, [], [], null);

    /// <summary>Builds the page from the draft.</summary>
    public static PoolsPageModel Build(PoolDraft draft, Func<string, SpaceInfo>? probe = null)
    {
        bool readable = draft.Current is { IsReadableByQubes: true };
        var diagnostics = PoolRows.CurrentDiagnostics(draft); // validated once, for the grid and the list
        return new PoolsPageModel(
            readable,
            readable ? PoolRows.Build(draft, diagnostics, probe) : [],
            diagnostics,
            draft.Base.Inventory.Error);
    }
}
