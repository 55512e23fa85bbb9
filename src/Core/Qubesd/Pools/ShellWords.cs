using System.Text;

namespace QubesPoolConsole.Core.Qubesd.Pools;

/// <summary>Quoting for POSIX shells (bash in dom0), so a rendered command runs with exactly the intended words.</summary>
public static class ShellWords
{
    /// <summary><paramref name="word"/> as one shell word: bare when only safe characters, else single-quoted.</summary>
    public static string Quote(string word)
    {
        if (word.Length > 0 && word.All(IsSafe)) return word;
        return "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    /// <summary>The words quoted and joined by spaces.</summary>
    public static string Join(IEnumerable<string> words)
    {
        var sb = new StringBuilder();
        foreach (var w in words)
        {
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(Quote(w));
        }
        return sb.ToString();
    }

    // No character here is special to bash anywhere in a word ('=' only matters before the command name, ':' and
    // ',' only in contexts a plain argument never is; '~' and '#' are special at the start of a word, so excluded).
    private static bool IsSafe(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '=' or ':' or ',' or '+' or '@' or '%';
}
