namespace QubesPoolConsole.Core.Vms;

/// <summary>One of Qubes' eight labels: a name qvm-create accepts and the colour Qubes draws it in.</summary>
/// <param name="Name">The label name (<c>-l</c> value).</param>
/// <param name="Color">CSS colour, e.g. <c>#cc0000</c>.</param>
public sealed record VmLabel(string Name, string Color)
{
    /// <summary>Qubes R3.2's labels in its own order.</summary>
    public static IReadOnlyList<VmLabel> All { get; } =
    [
        new("red", "#cc0000"),
        new("orange", "#f57900"),
        new("yellow", "#edd400"),
        new("green", "#73d216"),
        new("gray", "#555753"),
        new("blue", "#3465a4"),
        new("purple", "#75507b"),
        new("black", "#000000"),
    ];

    /// <summary>Finds a label by its exact name.</summary>
    public static VmLabel? Find(string? name) => All.FirstOrDefault(l => l.Name == name);
}
