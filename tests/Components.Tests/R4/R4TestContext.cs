using MudBlazor;
using QubesPoolConsole.Components.R4;
using QubesPoolConsole.Core.Audit;
using QubesPoolConsole.Core.Qubesd.Backend;
using QubesPoolConsole.Core.Qubesd.Sandbox;
using QubesPoolConsole.Core.Qubesd.Wire;

namespace QubesPoolConsole.Components.Tests.R4;

/// <summary>
/// bUnit over a real stand-in qubesd: a QubesdSandbox in a temp folder, the real client on its socket, and the R4
/// page services for one session.
/// </summary>
public abstract class R4TestContext : ComponentTestContext, IAsyncLifetime
{
    private string _dir = "";
    private QubesdSandbox? _sandbox;
    private QubesdClient? _client;

    /// <summary>The stand-in's data folder.</summary>
    protected string DataDirectory => _dir;

    /// <summary>A client on the stand-in, to check what qubesd holds.</summary>
    protected QubesdClient Client => _client!;

    /// <summary>The audit journal the review page writes applies to.</summary>
    protected JsonLinesAuditLog Audit { get; private set; } = default!;

    /// <summary>The session's draft.</summary>
    protected R4Draft Draft { get; private set; } = default!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        _dir = Directory.CreateTempSubdirectory("qpc-r4-bunit-").FullName;
        _sandbox = await QubesdSandbox.StartAsync(new QubesdSandboxOptions { DataDirectory = _dir });
        _client = new QubesdClient(new QubesdClientOptions { SocketPath = _sandbox.SocketPath });
        var drafts = new R4SessionDrafts(new R4PoolReader(Wrap(_client)));
        Services.AddSingleton(drafts);
        Services.AddScoped(sp => new R4Session(drafts, "session-1"));
        Services.AddScoped<R4Dialogs>();
        Audit = new JsonLinesAuditLog(Path.Combine(_dir, "audit.jsonl"));
        Services.AddSingleton<IAuditLog>(Audit);
        Services.AddSingleton(new AuditUser("tester"));
        Draft = await drafts.ForAsync("session-1");
        // As in a circuit (the pages read qubesd in the interactive render, not in the prerender); set last, since it
        // builds the renderer and no service may be added after that.
        Renderer.SetRendererInfo(new RendererInfo("Server", true));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        _client?.Dispose();
        if (_sandbox is not null) await _sandbox.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>The client the pages read through; a test class may script some replies.</summary>
    protected virtual IQubesdClient Wrap(IQubesdClient client) => client;

    /// <summary>Opens a dialog in a rendered provider.</summary>
    protected async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Reference)> OpenDialogAsync<TDialog>(DialogParameters parameters)
        where TDialog : IComponent
    {
        var provider = Render<MudDialogProvider>();
        var service = Services.GetRequiredService<IDialogService>();
        IDialogReference? reference = null;
        await provider.InvokeAsync(async () => reference = await service.ShowAsync<TDialog>("dialog", parameters));
        return (provider, reference!);
    }
}
