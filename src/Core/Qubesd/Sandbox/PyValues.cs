using System.Text;

namespace QubesPoolConsole.Core.Qubesd.Sandbox;

/// <summary>The few Python conversions qubesd applies to untrusted text, with Python's exact edges.</summary>
internal static class PyValues
{
    /// <summary><c>bytes.decode("ascii", "strict")</c>; null when a byte is above 0x7f.</summary>
    public static string? Ascii(byte[] bytes)
    {
        foreach (var b in bytes) if (b > 0x7f) return null;
        return Encoding.ASCII.GetString(bytes);
    }

    /// <summary><c>str.splitlines()</c> for ASCII text: \n, \r, \r\n, \v, \f, \x1c, \x1d, \x1e end a line.</summary>
    public static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '\n' or '\r' or '\v' or '\f' or '\x1c' or '\x1d' or '\x1e')
            {
                lines.Add(text[start..i]);
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                start = i + 1;
            }
        }
        if (start < text.Length) lines.Add(text[start..]);
        return lines;
    }

    /// <summary>Python's <c>int(str)</c>: surrounding whitespace, a sign, digits with single underscores between them.</summary>
    public static bool TryInt(string text, out long value)
    {
        value = 0;
        var s = text.Trim(' ', '\t', '\n', '\r', '\v', '\f');
        if (s.Length == 0) return false;
        bool negative = false;
        if (s[0] is '+' or '-')
        {
            negative = s[0] == '-';
            s = s[1..];
        }
        if (s.Length == 0 || !char.IsAsciiDigit(s[0]) || !char.IsAsciiDigit(s[^1])) return false;
        var digits = new StringBuilder();
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsAsciiDigit(s[i])) digits.Append(s[i]);
            else if (s[i] != '_' || s[i - 1] == '_') return false;
        }
        if (!long.TryParse(digits.ToString(), out value)) return false;
        if (negative) value = -value;
        return true;
    }

    /// <summary><c>qubes.utils.parse_bool</c> (R4.3 pool constructor): only True/1/on and False/0/off/"".</summary>
    public static bool? ParseBool(string value) => value switch
    {
        "True" or "1" or "on" => true,
        "False" or "0" or "off" or "" => false,
        _ => null,
    };

    /// <summary><c>qubes.property.bool</c>: 0/no/false/off and 1/yes/true/on, any case; else QubesValueError.</summary>
    public static bool PropertyBool(string value) => value.ToLowerInvariant() switch
    {
        "0" or "no" or "false" or "off" => false,
        "1" or "yes" or "true" or "on" => true,
        _ => throw QubesdRefusal.Qubes("QubesValueError", $"Invalid literal for boolean property: {PyRepr(value)}"),
    };

    /// <summary>Python's <c>repr()</c> of a str, as qubesd's messages quote names.</summary>
    public static string PyRepr(string s)
    {
        char quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder().Append(quote);
        foreach (char c in s)
        {
            if (c == quote || c == '\\') sb.Append('\\').Append(c);
            else if (c == '\n') sb.Append("\\n");
            else if (c == '\r') sb.Append("\\r");
            else if (c == '\t') sb.Append("\\t");
            else if (c < 0x20 || c == 0x7f) sb.Append($"\\x{(int)c:x2}");
            else sb.Append(c);
        }
        return sb.Append(quote).ToString();
    }

    /// <summary><c>str(bool)</c>.</summary>
    public static string Str(bool b) => b ? "True" : "False";
}
