using Microsoft.AspNetCore.Components;
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
        Services.AddConsoleComponents(mud: o => o.PopoverOptions.CheckForPopoverProvider = false);
    }

    /// <summary>Renders MudBlazor's popover provider, where menus and selects put their items.</summary>
    protected IRenderedComponent<MudPopoverProvider> RenderPopoverProvider() => Render<MudPopoverProvider>();

    /// <summary>The input a visible label names, as a user finds it (a required field's trailing * aside).</summary>
    protected static IElement InputByLabel<T>(IRenderedComponent<T> cut, string label) where T : IComponent
    {
        var l = cut.FindAll("label").First(e => e.TextContent.Trim().TrimEnd('*').Trim() == label);
        var id = l.GetAttribute("for") ?? throw new InvalidOperationException($"Label '{label}' names no input.");
        return cut.Find($"[id='{id}']");
    }

    /// <summary>The one button with this text.</summary>
    protected static IElement Button<T>(IRenderedComponent<T> cut, string text) where T : IComponent => Button(cut.Nodes, text);

    /// <summary>The one button with this text among <paramref name="nodes"/>.</summary>
    protected static IElement Button(INodeList nodes, string text)
        => nodes.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == text);

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
