
namespace QubesPoolConsole.Components.Model;

/// <summary>One line of the pools grid.</summary>
/// <param name="Name">Pool (section) name.</param>
/// <param name="Driver">The class when set, else the driver name.</param>
/// <param name="DirPath">The effective dir_path, if any.</param>
/// <param name="DirPathImplied">True when Qubes supplies dir_path (the default pool).</param>
/// <param name="VmCount">VMs whose pool_name is this pool.</param>
/// <param name="Space">Space of the filesystem holding dir_path (null when the pool has no dir_path).</param>
/// <param name="Errors">Error diagnostics about the pool.</param>
/// <param name="Warnings">Warning diagnostics about the pool.</param>
/// <param name="Status">Pending-change status.</param>
public sealed record PoolRow(
    string Name,
    string Driver,
    string? DirPath,
    bool DirPathImplied,
    int VmCount,
    SpaceInfo? Space,
    int Errors,
    int Warnings,
    PoolRowStatus Status)
{
    /// <summary>The pool details page.</summary>
    public string Href => ConsoleUrls.Details(Name);

    /// <summary>Text the filter field searches.</summary>
    public bool Matches(string? filter)
        => string.IsNullOrWhiteSpace(filter)
           || Name.Contains(filter.Trim(), StringComparison.OrdinalIgnoreCase)
           || Driver.Contains(filter.Trim(), StringComparison.OrdinalIgnoreCase)
           || (DirPath?.Contains(filter.Trim(), StringComparison.OrdinalIgnoreCase) ?? false)
           || StatusText.Contains(filter.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>"new", "changed", "to be removed" or "".</summary>
    public string StatusText => Status switch
    {
        PoolRowStatus.New => "new",
        PoolRowStatus.Changed => "changed",
        PoolRowStatus.Removed => "to be removed",
        _ => "",
    };

    /// <summary>Free bytes for sorting (unknown sorts first).</summary>
    public long SortableFree => Space?.AvailableBytes ?? -1;
}
