namespace QubesPoolConsole.Core.Vms;

/// <summary>The directory and files a new VM gets, following Qubes R3.2's layout.</summary>
/// <param name="Directory">The VM's directory: the pool's dir_path, then appvms/, vm-templates/ or servicevms/, then the name.</param>
/// <param name="Items">What is created in it, in creation order.</param>
public sealed record VmPlan(string Directory, IReadOnlyList<PlannedItem> Items)
{
    /// <summary>Sum of the images' apparent sizes: what the VM can grow to on the pool's file system.</summary>
    public long MaxBytes => Items.Where(i => i.IsImage).Sum(i => i.Bytes ?? 0);

    /// <summary>Finds an item by name.</summary>
    public PlannedItem? Find(string name) => Items.FirstOrDefault(i => i.Name == name);
}
