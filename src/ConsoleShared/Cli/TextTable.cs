using System.Text;

namespace QubesPoolConsole.Server.Cli;

/// <summary>The commands' plain-text tables: columns two spaces apart, the last one unpadded, no trailing blanks.</summary>
public static class TextTable
{
    /// <summary>
    /// The rows (the first is the header) as lines; columns in <paramref name="rightAligned"/> (numbers) are
    /// padded on the left. Every line starts with <paramref name="indent"/>.
    /// </summary>
    public static string Render(IReadOnlyList<string[]> rows, IReadOnlySet<int> rightAligned, string indent = "")
    {
        int columns = rows[0].Length;
        var widths = Enumerable.Range(0, columns - 1).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var sb = new StringBuilder();
        foreach (var r in rows)
        {
            var line = new StringBuilder(indent);
            for (int c = 0; c < columns - 1; c++)
            {
                line.Append(rightAligned.Contains(c) ? r[c].PadLeft(widths[c]) : r[c].PadRight(widths[c])).Append("  ");
            }
            line.Append(r[^1]);
            sb.Append(line.ToString().TrimEnd()).Append('\n');
        }
        return sb.ToString();
    }
}
