using QubesPoolConsole.Core.Storage;

namespace QubesPoolConsole.Core.Vms;

/// <summary>A pool as the VM wizard offers it: where it is, how full, how many VMs, and whether it can be chosen.</summary>
/// <param name="Name">Pool name.</param>
/// <param name="IsDefault">True for the pool <c>default</c>.</param>
/// <param name="DirPath">The effective dir_path, if any.</param>
/// <param name="Space">Free space of the file system that holds it (or its parent, when Qubes will create it).</param>
/// <param name="VmCount">VMs whose pool_name is this pool.</param>
/// <param name="UnavailableReason">Why it cannot be chosen, or null.</param>
/// <param name="Note">Something to know about it (e.g. the folder will be created), or null.</param>
public sealed record PoolChoice(string Name, bool IsDefault, string? DirPath, SpaceInfo Space, int VmCount, string? UnavailableReason, string? Note = null)
{
    /// <summary>True when the wizard lets the user choose it.</summary>
    public bool Selectable => UnavailableReason is null;

    /// <summary>"41.2 GiB free of 100.0 GiB", or why it is unknown.</summary>
    public string SpaceDisplay => Space.Known
        ? $"{DiskSpace.Format(Space.AvailableBytes)} free of {DiskSpace.Format(Space.TotalBytes)}"
        : $"free space unknown ({Space.UnknownReason})";
}
