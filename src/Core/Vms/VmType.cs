namespace QubesPoolConsole.Core.Vms;

/// <summary>The kinds of VM the console creates with qvm-create (R3.2).</summary>
public enum VmType
{
    /// <summary>An AppVM that uses its template's root image (<c>-t</c>).</summary>
    TemplateBasedAppVm,
    /// <summary>An AppVM with its own copy of a template's root image (<c>-s -t</c>).</summary>
    StandaloneAppVm,
    /// <summary>A new TemplateVM; R3.2's qvm-create only makes HVM templates (<c>--hvm-template</c>).</summary>
    TemplateVm,
    /// <summary>A standalone HVM with an empty 20 GiB disk (<c>-H</c>).</summary>
    StandaloneHvm,
    /// <summary>A template-based NetVM (<c>-n -t</c>).</summary>
    NetVm,
    /// <summary>A template-based ProxyVM (<c>-p -t</c>).</summary>
    ProxyVm,
}
