namespace QubesPoolConsole.Core.Config;

/// <summary>Python 2 string helpers: <c>str.isspace</c> and <c>str.strip</c> on byte strings know only ASCII whitespace.</summary>
internal static class PyText
{
    private static readonly System.Buffers.SearchValues<char> Whitespace = System.Buffers.SearchValues.Create(" \t\n\r\v\f");

    // Not IndexOfAnyInRange('A', 'Z'): in ahead-of-time (ReadyToRun) code without tiering, as the console is
    // published, that call allocates 96 bytes each time (measured; the JIT's code does not), once per option line.
    private static readonly System.Buffers.SearchValues<char> AsciiUpper = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f';

    public static bool IsBlank(ReadOnlySpan<char> s) => s.IndexOfAnyExcept(Whitespace) < 0;

    /// <summary>True when <paramref name="s"/> holds an ASCII capital letter (what Python 2's lower() changes).</summary>
    public static bool HasAsciiUpper(ReadOnlySpan<char> s) => s.ContainsAny(AsciiUpper);

    public static ReadOnlySpan<char> Strip(ReadOnlySpan<char> s)
    {
        int start = 0, end = s.Length;
        while (start < end && IsSpace(s[start])) start++;
        while (end > start && IsSpace(s[end - 1])) end--;
        return s[start..end];
    }

    public static int StripEnd(ReadOnlySpan<char> s, int end)
    {
        while (end > 0 && IsSpace(s[end - 1])) end--;
        return end;
    }

    /// <summary>Python 2 <c>str.lower()</c> on a byte string lower-cases ASCII letters only.</summary>
    public static string AsciiLower(ReadOnlySpan<char> s)
    {
        return string.Create(s.Length, s.ToString(), static (dst, src) =>
        {
            for (int i = 0; i < src.Length; i++)
            {
                char c = src[i];
                dst[i] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
            }
        });
    }
}
