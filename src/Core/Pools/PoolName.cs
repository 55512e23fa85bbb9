using System.Diagnostics.CodeAnalysis;

namespace QubesPoolConsole.Core.Pools;

/// <summary>
/// A valid name for a new pool: Qubes R4's rule (R3.2 checks none) — ASCII letters, digits, '-', '_', '.',
/// at most 64 characters, and never any letter case of "default".
/// </summary>
public readonly record struct PoolName
{
    /// <summary>Longest accepted name.</summary>
    public const int MaxLength = 64;

    private PoolName(string value) => Value = value;

    /// <summary>The name.</summary>
    public string Value { get; }

    /// <summary>Why <paramref name="name"/> is not a valid pool name (a sentence fragment), or null.</summary>
    public static string? Problem(string name)
    {
        if (string.IsNullOrEmpty(name)) return "is empty; give the pool a name";
        if (name.Length > MaxLength) return $"is {name.Length} characters long; use at most {MaxLength}";
        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return $"contains {Describe(c)}; use only letters a-z and A-Z, digits, '-', '_' and '.'";
            }
        }
        if (name is "." or "..") return "is a path component; choose another name";
        return null;
    }

    /// <summary>Makes a name for a new pool, or says why it cannot be one.</summary>
    public static bool TryCreate(string name, [NotNullWhen(true)] out PoolName? poolName, [NotNullWhen(false)] out string? error)
    {
        poolName = null;
        error = Problem(name) is { } p ? $"Pool name '{Shorten(name)}' {p}." : null;
        if (error is null && name.Equals(KnownDrivers.DefaultPool, StringComparison.OrdinalIgnoreCase))
        {
            error = $"'{name}' is reserved: Qubes' own default pool is named 'default', and a second pool differing only in case would be confused with it.";
        }
        if (error is not null) return false;
        poolName = new PoolName(name);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Value;

    internal static string Describe(char c) => c switch
    {
        '\n' => "a line break",
        '\r' => "a carriage return",
        '\t' => "a tab",
        ' ' => "a space",
        '\0' => "a NUL byte",
        _ when char.IsControl(c) => $"the control character U+{(int)c:X4}",
        _ when IsInvisible(c) => $"the invisible character U+{(int)c:X4}",
        _ => $"'{c}'",
    };

    /// <summary>Spaces other than ' ', format characters (e.g. U+202E, which reverses the text after it) and lone surrogates.</summary>
    private static bool IsInvisible(char c)
        => (char.IsWhiteSpace(c) && c != ' ')
           || System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.Surrogate;

    internal static string Shorten(string s)
    {
        var clean = new string(s.Take(40).Select(c => char.IsControl(c) || IsInvisible(c) ? '?' : c).ToArray());
        return s.Length > 40 ? clean + "…" : clean;
    }
}
