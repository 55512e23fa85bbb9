namespace QubesPoolConsole.Server.Vms;

/// <summary>Which backend creates VMs (Console:VmBackend).</summary>
public enum VmBackendKind
{
    /// <summary>The console writes the VM's files and its qubes.xml record itself (off-Qubes demo and tests).</summary>
    Sandbox,
    /// <summary>The console runs Qubes' qvm-create.</summary>
    Dom0,
}
