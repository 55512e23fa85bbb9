using System.Globalization;

namespace QubesPoolConsole.Components.R4;

/// <summary>Sizes as people read them (binary units, as <c>qvm-pool</c> and the disk widget show them).</summary>
public static class R4Bytes
{
    private static readonly string[] Units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];

    /// <summary>"12.5 GiB"; "?" when unknown.</summary>
    public static string Format(long? bytes)
    {
        if (bytes is not { } b) return "?";
        double value = b;
        var unit = 0;
        while (Math.Abs(value) >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? $"{b} B" : value.ToString(value >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture) + " " + Units[unit];
    }
}
