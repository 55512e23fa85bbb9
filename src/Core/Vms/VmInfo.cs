namespace QubesPoolConsole.Core.Vms;

/// <summary>A domain as qubes.xml (R3.2 or R3.0) records it.</summary>
public sealed record VmInfo
{
    /// <summary>Qubes id.</summary>
    public required int Qid { get; init; }

    /// <summary>VM name.</summary>
    public required string Name { get; init; }

    /// <summary>The element name: QubesAppVm, QubesTemplateVm, QubesHVm…</summary>
    public required string ElementType { get; init; }

    /// <summary>Label (colour) name, e.g. red.</summary>
    public string? Label { get; init; }

    /// <summary>The pool; <c>default</c> when the attribute is absent (files older than R3.2).</summary>
    public required string PoolName { get; init; }

    /// <summary>The template's qid; null for <c>none</c> or absent.</summary>
    public int? TemplateQid { get; init; }

    /// <summary>The template's name, resolved from <see cref="TemplateQid"/>.</summary>
    public string? TemplateName { get; init; }

    /// <summary>The recorded dir_path (Qubes recomputes it from the pool at load); null when absent.</summary>
    public string? DirPath { get; init; }

    /// <summary>Internal VMs are hidden from menus.</summary>
    public bool Internal { get; init; }

    /// <summary>True for TemplateVMs (PV or HVM templates).</summary>
    public bool IsTemplate => ElementType is "QubesTemplateVm" or "QubesTemplateHVm";

    /// <summary>A short human name of the type.</summary>
    public string TypeDisplay => ElementType switch
    {
        "QubesAdminVm" => "AdminVM (dom0)",
        "QubesTemplateVm" => "TemplateVM",
        "QubesTemplateHVm" => "Template HVM",
        "QubesNetVm" => "NetVM",
        "QubesProxyVm" => "ProxyVM",
        "QubesHVm" => "HVM",
        "QubesDisposableVm" => "DisposableVM",
        "QubesAppVm" => TemplateQid is null ? "Standalone AppVM" : "AppVM",
        _ => ElementType,
    };
}
