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

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _sandbox?.Dispose();
        _sandbox = null;
    }
}
