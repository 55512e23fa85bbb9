using System.Text;
using QubesPoolConsole.Core.Diagnostics;

namespace QubesPoolConsole.Server.Cli;

/// <summary>The plain-text forms of a <see cref="PoolsReport"/>: the pools table and the check listing.</summary>
public static class PoolsText
{
    /// <summary>
    /// A table with one row per pool: NAME, DRIVER, VMS, OPTIONS (effective, key=value). VMS is "?" when qubes.xml
    /// cannot be read (a count of 0 would claim the pool is unused).
    /// </summary>
    public static string Table(PoolsReport report)
    {
        bool vmsUnknown = report.Snapshot.Inventory.Error is not null;
        var rows = new List<string[]> { new[] { "NAME", "DRIVER", "VMS", "OPTIONS" } };
        foreach (var pool in report.Pools)
        {
            rows.Add([
                OneLine(pool.Name),
                OneLine(pool.DriverDisplay),
                vmsUnknown ? "?" : report.VmsIn(pool.Name).Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                string.Join(' ', pool.Effective.Select(o => OneLine($"{o.Key}={o.Value}"))),
            ]);
        }
        var widths = Enumerable.Range(0, 3).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var sb = new StringBuilder();
        foreach (var r in rows)
        {
            sb.Append(r[0].PadRight(widths[0])).Append("  ")
              .Append(r[1].PadRight(widths[1])).Append("  ")
              .Append(r[2].PadLeft(widths[2])).Append("  ")
              .Append(r[3]);
            sb.Append('\n');
        }
        return sb.ToString().Replace(" \n", "\n", StringComparison.Ordinal);
    }

    /// <summary>One "FILE:LINE: severity: message" line per diagnostic, then a summary line.</summary>
    public static string Check(PoolsReport report)
    {
        var sb = new StringBuilder();
        foreach (var d in report.Diagnostics) sb.Append(Line(report.File, d)).Append('\n');
        sb.Append(report.File).Append(": ");
        if (report.Unreadable) sb.Append("cannot be read");
        else if (report.Errors == 0) sb.Append("OK, ").Append(Count(report.Pools.Count, "pool"));
        else sb.Append(Count(report.Errors, "error"));
        if (report.Warnings > 0) sb.Append(", ").Append(Count(report.Warnings, "warning"));
        return sb.Append('\n').ToString();
    }

    /// <summary>"FILE:LINE: error: message" (no line number when the diagnostic has none).</summary>
    public static string Line(string file, Diagnostic d)
        => $"{file}{(d.Line is { } l ? $":{l}" : "")}: {(d.IsError ? "error" : "warning")}: {OneLine(d.Message)}";

    /// <summary>Replaces line breaks so that each item stays on one line.</summary>
    public static string OneLine(string text) => text.ReplaceLineEndings("\\n");

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";
}
