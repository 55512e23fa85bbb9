using System.Text;
using QubesPoolConsole.Core.Qubesd.Backend;
using QubesPoolConsole.Core.Qubesd.Pools;

namespace QubesPoolConsole.Server.Cli;

/// <summary>The plain-text forms of a qubesd plan, its findings and an apply's outcome.</summary>
public static class R4PlanText
{
    /// <summary>One finding as the command prints it: "error: MESSAGE [code]" (as the storage.conf commands do).</summary>
    public static string Line(R4Finding f)
        => $"{(f.IsError ? "error" : "warning")}: {PoolsText.OneLine(f.Message)} [{f.Code}]";

    /// <summary>
    /// The plan as --dry-run prints it: the commands an admin could type instead, the Admin API calls with their
    /// payloads, the side effects, and the unified diff of the pool table.
    /// </summary>
    public static string Plan(R4ChangePlan plan)
    {
        var sb = new StringBuilder();
        sb.Append("Commands (what you could type instead):\n");
        foreach (var s in plan.Steps) sb.Append("  ").Append(s.Command).Append('\n');
        sb.Append("\nAdmin API calls:\n");
        foreach (var s in plan.Steps) AppendCall(sb, s.Number, s.Call);
        sb.Append("\nSide effects:\n");
        var effects = plan.Steps.SelectMany(s => s.SideEffects.Select(e => (s.Number, e))).ToList();
        if (effects.Count == 0) sb.Append("  none beyond the pool table\n");
        foreach (var (n, e) in effects) sb.Append("  ").Append(n).Append(". ").Append(PoolsText.OneLine(e)).Append('\n');
        sb.Append("\nPool table diff:\n");
        sb.Append(plan.Diff.Length == 0 ? "  (no change to the pool table)\n" : plan.Diff);
        if (plan.Diff.Length > 0 && !plan.Diff.EndsWith('\n')) sb.Append('\n');
        return sb.ToString();
    }

    /// <summary>"  N. method+arg dest" and, when there is one, "     payload: …" with its line ends shown as \n.</summary>
    public static void AppendCall(StringBuilder sb, int number, PlannedCall call)
    {
        sb.Append("  ").Append(number).Append(". ").Append(call.Method).Append('+').Append(call.Arg).Append(' ').Append(call.Dest).Append('\n');
        if (call.Payload.Length > 0) sb.Append("     payload: ").Append(call.Payload.Replace("\n", "\\n", StringComparison.Ordinal)).Append('\n');
    }

    /// <summary>One line per step: "step N ran|failed|did not run: COMMAND" (failed with qubesd's message).</summary>
    public static string Outcome(R4ApplyOutcome outcome)
    {
        var sb = new StringBuilder();
        foreach (var s in outcome.Steps)
        {
            sb.Append(s.Status switch
            {
                R4StepStatus.Ran => $"step {s.Step.Number} ran: {s.Step.Command}",
                R4StepStatus.Failed => $"step {s.Step.Number} failed: {s.Step.Command}: {PoolsText.OneLine(s.Message ?? "")}",
                _ => $"step {s.Step.Number} did not run: {s.Step.Command}",
            }).Append('\n');
        }
        return sb.ToString();
    }
}
