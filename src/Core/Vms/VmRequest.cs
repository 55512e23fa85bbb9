namespace QubesPoolConsole.Core.Vms;

/// <summary>What the user asked for: one new VM in one pool.</summary>
public sealed record VmRequest
{
    /// <summary>The new VM's name (checked with <see cref="VmNameRules"/>).</summary>
    public required string Name { get; init; }

    /// <summary>Label name, one of <see cref="VmLabel.All"/>.</summary>
    public required string Label { get; init; }

    /// <summary>The kind of VM.</summary>
    public required VmType Type { get; init; }

    /// <summary>The template to base it on, for types that need one.</summary>
    public string? Template { get; init; }

    /// <summary>The storage pool (a section of storage.conf).</summary>
    public required string Pool { get; init; }

    /// <summary>Initial memory in MB; null keeps Qubes' default.</summary>
    public int? MemoryMb { get; init; }

    /// <summary>Number of virtual CPUs; null keeps Qubes' default.</summary>
    public int? Vcpus { get; init; }

    /// <summary>Internal VMs are hidden from menus and the VM manager.</summary>
    public bool Internal { get; init; }

    /// <summary>The facts of <see cref="Type"/>.</summary>
    public VmTypeInfo TypeInfo => VmTypeInfo.Of(Type);
}
