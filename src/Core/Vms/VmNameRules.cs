namespace QubesPoolConsole.Core.Vms;

/// <summary>The full check of a new VM's name: Qubes' rules (<see cref="VmName"/>) and not already taken.</summary>
public static class VmNameRules
{
    /// <summary>Why <paramref name="name"/> cannot be used for a new VM in <paramref name="inventory"/>, or null.</summary>
    public static string? Check(string? name, VmInventory inventory)
    {
        if (VmName.Problem(name) is { } problem) return problem;
        // Qubes looks names up exactly; refusing a case-only difference too avoids two folders that differ only in case.
        var taken = inventory.Vms.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase));
        if (taken is null) return null;
        return taken.Name == name
            ? $"A VM named '{name}' already exists ({taken.TypeDisplay}); choose another name."
            : $"A VM named '{taken.Name}' already exists; names that differ only in letter case would be confusing.";
    }
}
