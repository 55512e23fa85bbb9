namespace QubesPoolConsole.Core.Config;

/// <summary>
/// One string per distinct text for the length of one parse: option names and short values (<c>driver</c>,
/// <c>dir_path</c>, <c>xen</c>) repeat on almost every pool, and a large file would otherwise allocate them
/// (and make the garbage collector copy them) once per line.
/// </summary>
internal sealed class TextCache
{
    /// <summary>Values longer than this are rarely repeated (paths) and are not looked up.</summary>
    public const int MaxValueLength = 16;

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public TextCache() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The string for <paramref name="text"/>.</summary>
    public string Get(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return "";
        if (_lookup.TryGetValue(text, out var known)) return known;
        var s = text.ToString();
        _strings.Add(s, s);
        return s;
    }

    /// <summary>The string for <paramref name="text"/> lower-cased as Python 2 does (ASCII letters only).</summary>
    public string GetAsciiLower(ReadOnlySpan<char> text)
    {
        if (!PyText.HasAsciiUpper(text)) return Get(text);
        Span<char> lower = text.Length <= 128 ? stackalloc char[text.Length] : new char[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            lower[i] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        }
        return Get(lower);
    }
}
