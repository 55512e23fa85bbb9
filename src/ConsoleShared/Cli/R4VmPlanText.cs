using System.Text;
using QubesPoolConsole.Core.Qubesd.Vms;
using QubesPoolConsole.Core.Qubesd.Volumes;

namespace QubesPoolConsole.Server.Cli;

/// <summary>The plain-text forms of <c>vm create</c>: the plan --dry-run prints and the created VM's volumes.</summary>
public static class R4VmPlanText
{
    /// <summary>
    /// The qvm-create command an admin could type instead, the Admin API call with its payload, and every volume
    /// with the pool it lands in, its default size, that pool's free space and why that pool.
    /// </summary>
    public static string Plan(R4VmPlan plan)
    {
        var sb = new StringBuilder();
        sb.Append("Command (what you could type instead):\n  ").Append(plan.QvmCreate).Append('\n');
        sb.Append("\nAdmin API call:\n");
        R4PlanText.AppendCall(sb, 1, plan.Call);
        sb.Append("\nVolumes:\n");
        var rows = new List<string[]> { new[] { "VOLUME", "POOL", "SIZE", "FREE IN POOL", "WHY" } };
        foreach (var v in plan.Volumes)
        {
            long? free = v.Pool is { } p ? plan.FreeBytes.GetValueOrDefault(p) : null;
            rows.Add([v.Volume, v.Pool ?? "?", R4PoolsText.Bytes(v.Size), R4PoolsText.Bytes(free), PoolsText.OneLine(v.Why)]);
        }
        sb.Append(TextTable.Render(rows, new HashSet<int> { 2, 3 }, "  "));
        return sb.ToString();
    }

    /// <summary>The created VM's volumes as qubesd reports them: VOLUME, POOL, SIZE, VID.</summary>
    public static string Volumes(IReadOnlyList<R4VmVolume> volumes)
    {
        var rows = new List<string[]> { new[] { "VOLUME", "POOL", "SIZE", "VID" } };
        rows.AddRange(volumes.Select(v => new[] { v.Name, v.Pool ?? "?", R4PoolsText.Bytes(v.Size), PoolsText.OneLine(v.Vid ?? "-") }));
        return TextTable.Render(rows, new HashSet<int> { 2 }, "  ");
    }
}
