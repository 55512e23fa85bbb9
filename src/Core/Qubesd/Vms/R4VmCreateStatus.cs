namespace QubesPoolConsole.Core.Qubesd.Vms;

/// <summary>How creating an R4 VM ended.</summary>
public enum R4VmCreateStatus
{
    /// <summary>qubesd created the VM.</summary>
    Created,

    /// <summary>The console refused before sending anything (the plan had errors, or it was stale).</summary>
    Refused,

    /// <summary>qubesd refused or failed, and no VM of that name is left.</summary>
    FailedCleanly,

    /// <summary>qubesd failed and a VM of that name exists (or could not be checked): the admin must look.</summary>
    FailedLeftOver,
}
