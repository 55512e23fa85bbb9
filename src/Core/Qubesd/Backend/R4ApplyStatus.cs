namespace QubesPoolConsole.Core.Qubesd.Backend;

/// <summary>How an apply ended.</summary>
public enum R4ApplyStatus
{
    /// <summary>Every step ran.</summary>
    Applied,

    /// <summary>A step failed: the steps before it ran, it and the rest did not take effect.</summary>
    Failed,

    /// <summary>Nothing was sent: the pools changed since the draft started (see <see cref="R4ApplyOutcome.Changes"/>).</summary>
    Stale,

    /// <summary>Nothing was sent: nothing staged, the plan has errors, another apply is running, or the pools could not be re-read.</summary>
    Refused,
}
