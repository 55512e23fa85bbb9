namespace QubesPoolConsole.Core.Vms;

/// <summary>The outcome of reading qubes.xml: an inventory, or why there is none.</summary>
/// <param name="Collection">The VMs (empty when the file could not be read).</param>
/// <param name="Error">A sentence for the user when the file is missing or malformed.</param>
public sealed record InventoryResult(VmInventory Collection, string? Error)
{
    /// <summary>True when the file was read.</summary>
    public bool Ok => Error is null;
}
