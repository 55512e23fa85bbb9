namespace QubesPoolConsole.Core.Qubesd.Pools;

/// <summary>One step of a plan: the change, the command an admin could type instead, the call, and what qubesd will do.</summary>
/// <param name="Number">1-based position in the batch.</param>
/// <param name="Change">The staged change.</param>
/// <param name="Argv">The command as separate words.</param>
/// <param name="Command">The command as shell text (quoted for bash).</param>
/// <param name="Call">The Admin API call the console sends.</param>
/// <param name="SideEffects">What qubesd will cause beyond the pool table, one sentence each.</param>
/// <param name="Findings">Errors and warnings about this step (each carries <see cref="Number"/>).</param>
public sealed record R4PlanStep(
    int Number,
    R4PoolChange Change,
    IReadOnlyList<string> Argv,
    string Command,
    PlannedCall Call,
    IReadOnlyList<string> SideEffects,
    IReadOnlyList<R4Finding> Findings);
