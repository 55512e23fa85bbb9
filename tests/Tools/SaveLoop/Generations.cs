using System.Globalization;
using System.Text;

namespace QubesPoolConsole.SaveLoop;

/// <summary>
/// The texts the save loop writes: generation n is a valid storage.conf whose every line names n and whose
/// length varies with n, so any mix of two generations (a torn write) is detected.
/// </summary>
public static class Generations
{
    private const string Marker = "# generation ";

    /// <summary>The exact text of generation <paramref name="n"/> (tens to hundreds of KiB).</summary>
    public static string Text(long n)
    {
        var sb = new StringBuilder();
        sb.Append(Marker).Append(n.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("[default]\ndriver=xen\n\n");
        sb.Append("[pool-").Append(n % 1000).Append("]\ndriver=xen\ndir_path=/var/lib/qubes-pools/g").Append(n).Append('\n');
        int padding = 1500 + (int)(n * 7919 % 2500);
        for (int i = 0; i < padding; i++)
        {
            sb.Append("# generation ").Append(n).Append(" padding line ").Append(i).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>The generation a text claims to be (from its first line), or null.</summary>
    public static long? Claimed(string text)
    {
        if (!text.StartsWith(Marker, StringComparison.Ordinal)) return null;
        int nl = text.IndexOf('\n');
        if (nl < 0) return null;
        return long.TryParse(text.AsSpan(Marker.Length, nl - Marker.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}
