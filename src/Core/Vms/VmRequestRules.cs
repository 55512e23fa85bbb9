namespace QubesPoolConsole.Core.Vms;

/// <summary>Checks a <see cref="VmRequest"/> against Qubes' rules and the current inventory (not the pool: see <see cref="VmCreationService"/>).</summary>
public static class VmRequestRules
{
    /// <summary>Smallest memory accepted, in MB (Qubes' own VMs start at 200–400).</summary>
    public const int MinMemoryMb = 100;

    /// <summary>Largest memory accepted, in MB (1 TiB).</summary>
    public const int MaxMemoryMb = 1024 * 1024;

    /// <summary>Most virtual CPUs accepted.</summary>
    public const int MaxVcpus = 128;

    /// <summary>Why the template choice does not fit the type, or null.</summary>
    public static string? TemplateProblem(VmType type, string? template, VmInventory inventory)
    {
        var info = VmTypeInfo.Of(type);
        if (!info.NeedsTemplate)
        {
            return string.IsNullOrEmpty(template) ? null : $"A {info.DisplayName} is not based on a template; clear the template choice.";
        }
        if (string.IsNullOrEmpty(template)) return $"A {info.DisplayName} needs a template; choose one.";
        var vm = inventory.Find(template);
        if (vm is null) return $"There is no VM named '{template}' in qubes.xml.";
        if (!vm.IsTemplate) return $"'{template}' is a {vm.TypeDisplay}, not a template.";
        return null;
    }

    /// <summary>Why the memory value is not accepted, or null (null memory keeps the default).</summary>
    public static string? MemoryProblem(int? memoryMb)
        => memoryMb is { } m && (m < MinMemoryMb || m > MaxMemoryMb)
            ? $"Memory must be between {MinMemoryMb} and {MaxMemoryMb} MB, or empty for Qubes' default."
            : null;

    /// <summary>Why the VCPU count is not accepted, or null (null keeps the default).</summary>
    public static string? VcpusProblem(int? vcpus)
        => vcpus is { } c && (c < 1 || c > MaxVcpus)
            ? $"VCPUs must be between 1 and {MaxVcpus}, or empty for Qubes' default."
            : null;

    /// <summary>Every problem of the request, as sentences; empty when it can be created.</summary>
    public static IReadOnlyList<string> Problems(VmRequest request, VmInventory inventory)
    {
        var problems = new List<string>();
        if (VmNameRules.Check(request.Name, inventory) is { } name) problems.Add(name);
        if (VmLabel.Find(request.Label) is null) problems.Add($"'{request.Label}' is not a Qubes label; choose one of {string.Join(", ", VmLabel.All.Select(l => l.Name))}.");
        if (TemplateProblem(request.Type, request.Template, inventory) is { } template) problems.Add(template);
        if (MemoryProblem(request.MemoryMb) is { } memory) problems.Add(memory);
        if (VcpusProblem(request.Vcpus) is { } vcpus) problems.Add(vcpus);
        if (string.IsNullOrEmpty(request.Pool)) problems.Add("Choose a storage pool.");
        return problems;
    }
}
