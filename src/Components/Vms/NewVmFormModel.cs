
namespace QubesPoolConsole.Components.Vms;

/// <summary>What the user has entered in the VM wizard so far. Core decides what is valid.</summary>
public sealed class NewVmFormModel
{
    /// <summary>The new VM's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The chosen label, or null.</summary>
    public string? Label { get; set; }

    /// <summary>The chosen type.</summary>
    public VmType Type { get; set; } = VmType.TemplateBasedAppVm;

    /// <summary>The chosen template, or null.</summary>
    public string? Template { get; set; }

    /// <summary>The chosen pool, or null.</summary>
    public string? Pool { get; set; }

    /// <summary>Initial memory in MB, or null for Qubes' default.</summary>
    public int? MemoryMb { get; set; }

    /// <summary>VCPUs, or null for Qubes' default.</summary>
    public int? Vcpus { get; set; }

    /// <summary>Hide the VM from menus.</summary>
    public bool Internal { get; set; }

    /// <summary>The request as it stands (a template is only passed for types that use one).</summary>
    public VmRequest ToRequest() => new()
    {
        Name = Name,
        Label = Label ?? "",
        Type = Type,
        Template = VmTypeInfo.Of(Type).NeedsTemplate ? Template : null,
        Pool = Pool ?? "",
        MemoryMb = MemoryMb,
        Vcpus = Vcpus,
        Internal = Internal,
    };
}
