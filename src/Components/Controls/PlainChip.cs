
namespace QubesPoolConsole.Components.Controls;

/// <summary>
/// A small MudChip's look (its classes) without a MudChip component: the pools grid shows several per row, and a
/// MudChip carries an id and a keydown handler each, per row and per circuit.
/// </summary>
public static class PlainChip
{
    /// <summary>
    /// <c>&lt;span class="mud-chip mud-chip-{variant} mud-chip-size-small mud-chip-color-{color} {extra}"&gt;&lt;span class="mud-chip-content"&gt;text&lt;/span&gt;&lt;/span&gt;</c>
    /// </summary>
    /// <param name="variant">"filled" or "outlined".</param>
    /// <param name="color">A MudBlazor colour name: "default", "info", "success", "warning", "error".</param>
    /// <param name="text">The chip's text.</param>
    /// <param name="extraClass">More classes (spacing), or null.</param>
    public static RenderFragment Render(string variant, string color, string text, string? extraClass = null) => builder =>
    {
        var classes = $"mud-chip mud-chip-{variant} mud-chip-size-small mud-chip-color-{color}";
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", extraClass is null ? classes : $"{classes} {extraClass}");
        builder.OpenElement(2, "span");
        builder.AddAttribute(3, "class", "mud-chip-content");
        builder.AddContent(4, text);
        builder.CloseElement();
        builder.CloseElement();
    };
}
