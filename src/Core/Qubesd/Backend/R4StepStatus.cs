namespace QubesPoolConsole.Core.Qubesd.Backend;

/// <summary>What became of one planned step during apply.</summary>
public enum R4StepStatus
{
    /// <summary>Sent, and qubesd answered success.</summary>
    Ran,

    /// <summary>Sent, and qubesd (or the connection) answered failure; apply stopped here.</summary>
    Failed,

    /// <summary>Not sent, because an earlier step failed (or apply was refused).</summary>
    NotRun,
}
