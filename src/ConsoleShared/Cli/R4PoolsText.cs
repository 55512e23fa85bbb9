using System.Globalization;
using QubesPoolConsole.Core.Qubesd.Backend;

namespace QubesPoolConsole.Server.Cli;

/// <summary>The plain-text table of <c>pools</c> over qubesd.</summary>
public static class R4PoolsText
{
    /// <summary>
    /// One row per pool: NAME, DRIVER, SIZE, USED, USE, LEVEL, VOLUMES, DEFAULT FOR, LOCATION. A pool whose Info or
    /// UsageDetails failed gets "error: …" (qubesd's words) after its location, on its own row.
    /// </summary>
    public static string Table(R4PoolsView view)
    {
        var rows = new List<string[]> { new[] { "NAME", "DRIVER", "SIZE", "USED", "USE", "LEVEL", "VOLUMES", "DEFAULT FOR", "LOCATION" } };
        foreach (var r in view.Rows)
        {
            var location = r.KeyText ?? "";
            if (r.Error is { } error) location = (location.Length > 0 ? location + "  " : "") + "error: " + error;
            rows.Add([
                PoolsText.OneLine(r.Name),
                PoolsText.OneLine(r.Driver ?? "?"),
                Bytes(r.Data?.Size),
                Bytes(r.Data?.Used),
                r.Data?.Fraction is { } f ? (f * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-",
                Level(r.Level),
                r.VolumeCount.ToString(CultureInfo.InvariantCulture),
                r.DefaultFor.Count == 0 ? "-" : string.Join(',', r.DefaultFor.Select(ShortProperty)),
                PoolsText.OneLine(location),
            ]);
        }
        return TextTable.Render(rows, new HashSet<int> { 2, 3, 4, 6 });
    }

    /// <summary>default_pool as "default", default_pool_private as "private" (the JSON keeps the full names).</summary>
    public static string ShortProperty(string property)
        => property == "default_pool" ? "default" : property.StartsWith("default_pool_", StringComparison.Ordinal) ? property["default_pool_".Length..] : property;

    /// <summary>A byte count as qvm-pool's human form: binary units, one decimal ("12.5 GiB"); "-" when unknown.</summary>
    public static string Bytes(long? bytes)
    {
        if (bytes is not { } b) return "-";
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
        double v = b;
        int u = 0;
        while (Math.Abs(v) >= 1024 && u < units.Length - 1)
        {
            v /= 1024;
            u++;
        }
        return u == 0 ? $"{b} B" : v.ToString("0.0", CultureInfo.InvariantCulture) + " " + units[u];
    }

    /// <summary>The level's word: ok (below 90 %), warning, critical (95 % and above), "-" when unknown.</summary>
    public static string Level(R4UsageLevel level) => level switch
    {
        R4UsageLevel.Normal => "ok",
        R4UsageLevel.Warning => "warning",
        R4UsageLevel.Critical => "critical",
        _ => "-",
    };
}
