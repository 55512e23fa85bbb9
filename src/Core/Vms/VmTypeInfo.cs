namespace QubesPoolConsole.Core.Vms;

/// <summary>What each <see cref="VmType"/> means to Qubes R3.2: element, folder, flags, disks.</summary>
/// <param name="Type">The type.</param>
/// <param name="DisplayName">Short name for people.</param>
/// <param name="Description">One sentence about what it is.</param>
/// <param name="ElementType">The qubes.xml element Qubes records it as.</param>
/// <param name="Folder">Folder under the pool's dir_path: appvms, vm-templates or servicevms.</param>
/// <param name="TypeFlags">qvm-create switches for the type (before <c>-t</c>).</param>
/// <param name="NeedsTemplate">True when a template must be chosen.</param>
/// <param name="IsStandalone">True when the VM has its own root.img.</param>
/// <param name="IsTemplate">True for templates (they also get root-cow.img).</param>
/// <param name="IsHvm">True for HVMs (20 GiB root).</param>
public sealed record VmTypeInfo(
    VmType Type,
    string DisplayName,
    string Description,
    string ElementType,
    string Folder,
    IReadOnlyList<string> TypeFlags,
    bool NeedsTemplate,
    bool IsStandalone,
    bool IsTemplate,
    bool IsHvm)
{
    /// <summary>Every type, in the order the wizard offers them.</summary>
    public static IReadOnlyList<VmTypeInfo> All { get; } =
    [
        new(VmType.TemplateBasedAppVm, "AppVM (template-based)",
            "Runs from its template's root image; only its private image is its own. The usual choice.",
            "QubesAppVm", "appvms", [], NeedsTemplate: true, IsStandalone: false, IsTemplate: false, IsHvm: false),
        new(VmType.StandaloneAppVm, "Standalone AppVM",
            "Gets its own copy of the template's root and private images; later template updates do not reach it.",
            "QubesAppVm", "appvms", ["-s"], NeedsTemplate: true, IsStandalone: true, IsTemplate: false, IsHvm: false),
        new(VmType.TemplateVm, "TemplateVM (HVM)",
            "A new, empty template for other VMs. R3.2's qvm-create makes new templates only as HVM templates; PV templates come from packages.",
            "QubesTemplateHVm", "vm-templates", ["--hvm-template"], NeedsTemplate: false, IsStandalone: true, IsTemplate: true, IsHvm: true),
        new(VmType.StandaloneHvm, "Standalone HVM",
            "A fully virtualised VM with an empty disk, e.g. to install another operating system.",
            "QubesHVm", "appvms", ["-H"], NeedsTemplate: false, IsStandalone: true, IsTemplate: false, IsHvm: true),
        new(VmType.NetVm, "NetVM",
            "Gives other VMs network access through assigned network devices.",
            "QubesNetVm", "servicevms", ["-n"], NeedsTemplate: true, IsStandalone: false, IsTemplate: false, IsHvm: false),
        new(VmType.ProxyVm, "ProxyVM",
            "Sits between a NetVM and AppVMs, e.g. as a firewall or VPN.",
            "QubesProxyVm", "servicevms", ["-p"], NeedsTemplate: true, IsStandalone: false, IsTemplate: false, IsHvm: false),
    ];

    /// <summary>The facts of one type.</summary>
    public static VmTypeInfo Of(VmType type) => All.First(t => t.Type == type);
}
