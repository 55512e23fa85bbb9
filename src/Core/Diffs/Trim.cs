namespace QubesPoolConsole.Core.Diffs;

/// <summary>
/// The common leading and trailing whole lines of two different texts, found by comparing characters (vectorised)
/// rather than line by line: the greedy line prefix, then the greedy line suffix of what is left, exactly as
/// comparing the lines one by one (with their endings) gives them.
/// </summary>
/// <param name="PrefixChars">Characters of the common leading lines (the same in both texts).</param>
/// <param name="PrefixLines">How many common leading lines.</param>
/// <param name="SuffixChars">Characters of the common trailing lines (the same in both texts).</param>
/// <param name="SuffixLines">How many common trailing lines.</param>
internal readonly record struct Trim(int PrefixChars, int PrefixLines, int SuffixChars, int SuffixLines)
{
    public static Trim Of(string oldText, string newText)
    {
        // Every line that ends before the first differing character is common; the line holding it is not.
        int same = oldText.AsSpan().CommonPrefixLength(newText);
        int prefixChars = oldText.AsSpan(0, same).LastIndexOf('\n') + 1;
        int prefixLines = oldText.AsSpan(0, prefixChars).Count('\n');

        var oldRest = oldText.AsSpan(prefixChars);
        var newRest = newText.AsSpan(prefixChars);
        int common = CommonSuffixLength(oldRest, newRest);
        if (common == 0) return new Trim(prefixChars, prefixLines, 0, 0);
        // The trailing lines are those that start inside the common characters in both texts: after a newline that
        // is itself common, or right at the start of the common characters when that is a line start in both.
        int oldFrom = oldRest.Length - common, newFrom = newRest.Length - common;
        bool startsLineInBoth = (oldFrom == 0 || oldRest[oldFrom - 1] == '\n') && (newFrom == 0 || newRest[newFrom - 1] == '\n');
        int from = oldFrom;
        if (!startsLineInBoth)
        {
            int nl = oldRest[oldFrom..].IndexOf('\n');
            from = nl < 0 ? oldRest.Length : oldFrom + nl + 1;
        }
        var suffix = oldRest[from..];
        int suffixLines = suffix.Count('\n') + (suffix.Length > 0 && suffix[^1] != '\n' ? 1 : 0);
        return new Trim(prefixChars, prefixLines, suffix.Length, suffixLines);
    }

    private static int CommonSuffixLength(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        // Whole blocks first (vectorised), then the last block character by character.
        const int Block = 256;
        int n = Math.Min(a.Length, b.Length), matched = 0;
        while (n - matched >= Block && a[^(matched + Block)..^matched].SequenceEqual(b[^(matched + Block)..^matched])) matched += Block;
        while (matched < n && a[a.Length - 1 - matched] == b[b.Length - 1 - matched]) matched++;
        return matched;
    }
}
