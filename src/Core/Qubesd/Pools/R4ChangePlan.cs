namespace QubesPoolConsole.Core.Qubesd.Pools;

/// <summary>
/// The review of a staged batch: every step with its command, call and side effects, the pool table before and
/// after as text, and their diff. Apply runs <see cref="Steps"/> in order, and only when <see cref="IsRefused"/> is false.
/// </summary>
/// <param name="Steps">The steps, in order.</param>
/// <param name="Findings">All findings: each step's, then the batch's own.</param>
/// <param name="Before">The pools and default_pool* properties now, as qubes.xml elements (see <see cref="R4PoolXml"/>).</param>
/// <param name="After">The same after every step ran.</param>
/// <param name="Diff">The unified diff from <see cref="Before"/> to <see cref="After"/>; empty when equal.</param>
/// <param name="Final">The state the console expects after the batch.</param>
public sealed record R4ChangePlan(
    IReadOnlyList<R4PlanStep> Steps,
    IReadOnlyList<R4Finding> Findings,
    string Before,
    string After,
    string Diff,
    R4PoolState Final)
{
    /// <summary>True when any finding is an error: nothing may be sent.</summary>
    public bool IsRefused => Findings.Any(f => f.IsError);

    /// <summary>The commands, one per line, as a script an admin could run instead.</summary>
    public string Script => string.Concat(Steps.Select(s => s.Command + "\n"));
}
