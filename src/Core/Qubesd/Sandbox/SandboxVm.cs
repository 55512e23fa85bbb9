namespace QubesPoolConsole.Core.Qubesd.Sandbox;

/// <summary>One domain of qubes.xml: enough for <c>admin.vm.List</c>, its volumes, and "is this pool in use".</summary>
internal sealed class SandboxVm
{
    public required string Name { get; init; }

    /// <summary>AdminVM, TemplateVM, AppVM, StandaloneVM or DispVM.</summary>
    public required string Class { get; init; }

    public required Guid Uuid { get; init; }

    public int Qid { get; init; }

    public string Label { get; init; } = "red";

    public string? Template { get; init; }

    public List<SandboxVolume> Volumes { get; init; } = [];

    /// <summary>dom0 is always Running; the stand-in starts no VM.</summary>
    public string PowerState => Class == "AdminVM" ? "Running" : "Halted";
}
