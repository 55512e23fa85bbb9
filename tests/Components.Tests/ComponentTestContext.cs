using Bunit;
using MudBlazor;
using MudBlazor.Services;

namespace QubesPoolConsole.Components.Tests;

/// <summary>
/// The shared bUnit context: MudBlazor services, loose JS interop (MudSelect calls JS that strict mode rejects),
/// popover provider check off. xunit 2 needs async disposal, or MudBlazor's PopoverService throws.
/// </summary>
public abstract class ComponentTestContext : BunitContext, IAsyncLifetime
{
    protected ComponentTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        // bUnit waits 1 s by default: a debounced input (300 ms) on a busy CI machine took longer once. A wait ends
        // as soon as its assertion passes, so a longer bound only slows a test that fails.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        Services.AddConsoleComponents(o => o.PopoverOptions.CheckForPopoverProvider = false);
    }

    /// <summary>Renders MudBlazor's popover provider, where menus and selects put their items.</summary>
    protected IRenderedComponent<MudPopoverProvider> RenderPopoverProvider() => Render<MudPopoverProvider>();

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
