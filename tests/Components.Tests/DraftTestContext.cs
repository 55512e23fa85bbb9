using MudBlazor;

namespace QubesPoolConsole.Components.Tests;

/// <summary>A bUnit context with a real <see cref="PoolDraft"/> over a <see cref="TempConsoleFiles"/>.</summary>
public abstract class DraftTestContext : ComponentTestContext
{
    private TempConsoleFiles? _sandbox;

    /// <summary>The sandbox (after <see cref="UseSandbox"/>).</summary>
    protected TempConsoleFiles Sandbox => _sandbox ?? throw new InvalidOperationException("Call UseSandbox first.");

    /// <summary>The draft the components get.</summary>
    protected PoolDraft Draft { get; private set; } = default!;

    /// <summary>Writes the files and registers a draft over them.</summary>
    protected PoolDraft UseSandbox(string storageConf, string? qubesXml = null)
    {
        _sandbox = new TempConsoleFiles(storageConf, qubesXml ?? TempConsoleFiles.QubesXml());
        Draft = new PoolDraft(_sandbox.Catalog);
        Services.AddSingleton(Draft);
        return Draft;
    }

    /// <summary>Renders the dialog provider and opens <typeparamref name="TDialog"/> in it.</summary>
    protected async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Reference)> OpenDialogAsync<TDialog>(DialogParameters? parameters = null)
        where TDialog : Microsoft.AspNetCore.Components.IComponent
    {
        var provider = Render<MudDialogProvider>();
        var service = Services.GetRequiredService<IDialogService>();
        IDialogReference? reference = null;
        await provider.InvokeAsync(async () => reference = await service.ShowAsync<TDialog>("dialog", parameters ?? []));
        return (provider, reference!);
    }

    /// <summary>The input a visible label names (as a user finds it).</summary>
    protected static IElement InputByLabel<T>(IRenderedComponent<T> cut, string label) where T : Microsoft.AspNetCore.Components.IComponent
    {
        var l = cut.FindAll("label").First(e => e.TextContent.Trim().TrimEnd('*').Trim() == label);
        var id = l.GetAttribute("for") ?? throw new InvalidOperationException($"Label '{label}' names no input.");
        return cut.Find($"[id='{id}']");
    }

    /// <summary>The button with this text.</summary>
    protected static IElement Button<T>(IRenderedComponent<T> cut, string text) where T : Microsoft.AspNetCore.Components.IComponent
        => cut.FindAll("button").First(b => b.TextContent.Trim() == text);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _sandbox?.Dispose();
        _sandbox = null;
    }
}
