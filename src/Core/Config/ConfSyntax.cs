namespace QubesPoolConsole.Core.Config;

/// <summary>
/// What can be written into storage.conf so that Qubes reads back exactly what was meant.
/// These guard the document against bugs; user input is checked earlier, with messages, by the pool rules.
/// </summary>
public static class ConfSyntax
{
    /// <summary>Why a section name cannot be written, or null when it can.</summary>
    public static string? SectionNameProblem(string name)
    {
        if (name.Length == 0) return "is empty";
        if (name.Contains(']')) return "contains ']', which would end the [header] early";
        if (name.AsSpan().IndexOfAny('\n', '\r', '\0') >= 0) return "contains a line break or NUL";
        return null;
    }

    /// <summary>Why an option name cannot be written, or null when it can.</summary>
    public static string? KeyProblem(string key)
    {
        if (key.Length == 0) return "is empty";
        if (key.AsSpan().IndexOfAny('=', ':') >= 0) return "contains '=' or ':', which Qubes reads as the end of the name";
        if (key.AsSpan().IndexOfAny('\n', '\r', '\0') >= 0) return "contains a line break or NUL";
        if (PyText.IsSpace(key[0]) || PyText.IsSpace(key[^1])) return "starts or ends with whitespace";
        if (key[0] is '[' or '#' or ';') return "starts with '[', '#' or ';', which Qubes reads as a header or a comment";
        if (key.Length >= 3 && key[..3].Equals("rem", StringComparison.OrdinalIgnoreCase) && key[0] is 'r' or 'R' && (key.Length == 3 || PyText.IsSpace(key[3])))
            return "starts with the word 'rem', which Qubes reads as a comment";
        if (PyText.AsciiLower(key) != key) return "has upper-case letters; Qubes lower-cases option names";
        return null;
    }

    /// <summary>Why a value cannot be written, or null when it can.</summary>
    public static string? ValueProblem(string value)
    {
        if (value.AsSpan().IndexOfAny('\n', '\r', '\0') >= 0) return "contains a line break or NUL";
        if (value.Length > 0 && (PyText.IsSpace(value[0]) || PyText.IsSpace(value[^1]))) return "starts or ends with whitespace, which Qubes strips";
        if (value.Length > 0 && value[0] == ';') return "starts with ';', which Qubes may read as a comment";
        for (int i = 1; i < value.Length; i++)
        {
            if (value[i] == ';' && PyText.IsSpace(value[i - 1])) return "contains ' ;', which Qubes reads as the start of a comment";
        }
        if (value == "\"\"") return "is \"\", which Qubes reads as an empty value";
        return null;
    }

    internal static void EnsureSectionName(string name) => Ensure(SectionNameProblem(name), "Section name", name);

    internal static void EnsureKey(string key) => Ensure(KeyProblem(key), "Option name", key);

    internal static void EnsureValue(string value) => Ensure(ValueProblem(value), "Value", value);

    private static void Ensure(string? problem, string what, string text)
    {
        if (problem is not null) throw new ArgumentException($"{what} '{text}' {problem}.");
    }
}
