namespace QubesPoolConsole.Components.Model;

/// <summary>Qubes R3.2's label colours.</summary>
public static class VmLabels
{
    private static readonly Dictionary<string, string> Colours = new(StringComparer.OrdinalIgnoreCase)
    {
        ["red"] = "#cc0000",
        ["orange"] = "#f57900",
        ["yellow"] = "#edd400",
        ["green"] = "#73d216",
        ["gray"] = "#555753",
        ["blue"] = "#3465a4",
        ["purple"] = "#75507b",
        ["black"] = "#000000",
    };

    /// <summary>The CSS colour of a label; a neutral grey for unknown labels.</summary>
    public static string Colour(string? label) => label is not null && Colours.TryGetValue(label, out var c) ? c : "#9e9e9e";
}
