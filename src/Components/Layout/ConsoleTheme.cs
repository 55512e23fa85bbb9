using MudBlazor;

namespace QubesPoolConsole.Components.Layout;

/// <summary>
/// The console's light and dark palettes (MudBlazor's defaults, with an app bar and text colours chosen for
/// WCAG AA contrast). No web fonts: dom0 has no internet, so the system's fonts are used.
/// </summary>
public static class ConsoleTheme
{
    /// <summary>The theme given to MudThemeProvider.</summary>
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3465a4",        // Qubes blue; white text on it is 5.8:1
            AppbarBackground = "#2b4f7e",
            AppbarText = "#ffffff",
            TextSecondary = "rgba(0,0,0,0.70)",
            // MudBlazor's default status colours are too light for text on white and on their own tinted alert
            // backgrounds (axe color-contrast); these darker shades keep at least 4.5:1 on both.
            Success = "#1b5e20",
            Info = "#0d47a1",
            Warning = "#8a4b00",
            Error = "#b71c1c",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8ab4f8",        // light blue on the dark surface: 8:1
            PrimaryContrastText = "#0b1f3a",
            AppbarBackground = "#1f2430",
            AppbarText = "#ffffff",
            Background = "#121418",
            Surface = "#1b1e24",
            TextPrimary = "rgba(255,255,255,0.92)",
            TextSecondary = "rgba(255,255,255,0.74)",
        },
    };
}
