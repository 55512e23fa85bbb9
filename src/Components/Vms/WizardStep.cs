namespace QubesPoolConsole.Components.Vms;

/// <summary>The steps of the VM wizard, in order.</summary>
public enum WizardStep
{
    /// <summary>The VM's name.</summary>
    Name,
    /// <summary>Its label colour.</summary>
    Label,
    /// <summary>Its type and template.</summary>
    Type,
    /// <summary>The storage pool.</summary>
    Pool,
    /// <summary>Memory, VCPUs, internal.</summary>
    Options,
    /// <summary>The command, files and free space, then creation.</summary>
    Review,
}
