namespace QubesPoolConsole.Core.Vms;

/// <summary>How the dom0 backend runs qvm-create.</summary>
public sealed record Dom0VmCreatorOptions
{
    /// <summary>qvm-create's name (looked up on <see cref="SearchPath"/>) or absolute path.</summary>
    public string QvmCreatePath { get; init; } = QvmCreateCommand.Program;

    /// <summary>The normal user in group qubes to run qvm-create as when the console runs as root.</summary>
    public string? RunAsUser { get; init; }

    /// <summary>runuser's name or path (util-linux; used only when the console runs as root).</summary>
    public string RunuserPath { get; init; } = "runuser";

    /// <summary>Directories to look programs up in, as in PATH; null uses the console's own PATH.</summary>
    public string? SearchPath { get; init; }

    /// <summary>Whether the console runs as root; null asks the kernel (geteuid).</summary>
    public bool? IsRoot { get; init; }
}
