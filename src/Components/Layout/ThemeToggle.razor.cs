using Microsoft.JSInterop;

namespace QubesPoolConsole.Components.Layout;

/// <summary>
/// Switches between the light and the dark theme. Until the user presses it, the theme follows the system
/// (prefers-color-scheme) and keeps following it; once pressed, the choice is remembered in the browser.
/// </summary>
public partial class ThemeToggle
{
    [Inject] public required IJSRuntime JS { get; init; }

    /// <summary>Where the JS module is served from (a collocated module of this Razor class library).</summary>
    public const string ModulePath = "./_content/QubesPoolConsole.Components/Layout/ThemeToggle.razor.js";

    private IJSObjectReference? _module;
    private DotNetObjectReference<ThemeToggle>? _self;

    /// <summary>Whether the dark theme is on.</summary>
    [Parameter] public bool IsDarkMode { get; set; }

    /// <summary>Raised when the theme changes (by the user or by the system preference).</summary>
    [Parameter] public EventCallback<bool> IsDarkModeChanged { get; set; }

    /// <summary>"system" while following the system preference, "user" once the user chose.</summary>
    public string Source { get; private set; } = "system";

    private string Tooltip => IsDarkMode ? "Switch to the light theme" : "Switch to the dark theme";

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        try
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
            _self = DotNetObjectReference.Create(this);
            var state = await _module.InvokeAsync<ThemeState?>("start", _self);
            if (state is null) return;
            Source = state.Stored is "dark" or "light" ? "user" : "system";
            await SetAsync(state.Stored switch { "dark" => true, "light" => false, _ => state.SystemDark });
        }
        catch (JSDisconnectedException)
        {
            // The circuit went away during the first render; nothing to restore.
        }
    }

    /// <summary>Called by the JS module when the system preference changes (ignored once the user chose).</summary>
    [JSInvokable]
    public Task OnSystemThemeChanged(bool dark) => Source == "system" ? InvokeAsync(() => SetAsync(dark)) : Task.CompletedTask;

    private async Task ToggleAsync()
    {
        Source = "user";
        await SetAsync(!IsDarkMode);
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("remember", IsDarkMode ? "dark" : "light");
            }
            catch (JSDisconnectedException) { }
        }
    }

    private async Task SetAsync(bool dark)
    {
        IsDarkMode = dark;
        await IsDarkModeChanged.InvokeAsync(dark);
        StateHasChanged();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("stop");
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException) { }
        }
        _self?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>What the browser knows: the stored choice ("dark", "light" or null) and the system preference.</summary>
    public sealed record ThemeState(string? Stored, bool SystemDark);
}
