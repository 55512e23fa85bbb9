using QubesPoolConsole.Core.Qubesd.Backend;

namespace QubesPoolConsole.Components.R4;

/// <summary>
/// A page over the session's qubesd draft: gets it once (starting it when the session has none), re-reads qubesd
/// on open when nothing is staged (so the page shows the pools as they are now), and re-renders whenever the draft
/// changes in this or another tab of the session (the event is marshalled onto this renderer). While that read
/// runs, the page shows what the session holds (what the prerender showed) instead of a loading state.
/// </summary>
public abstract class R4DraftComponent : ComponentBase, IDisposable
{
    private bool _disposed;

    /// <summary>The login session's qubesd draft.</summary>
    [Inject] public required R4Session Session { get; init; }

    /// <summary>The draft, once it has started.</summary>
    protected R4Draft? Draft { get; private set; }

    /// <summary>What starting or re-reading the draft threw (qubesd unreachable is a result, not this).</summary>
    protected string? LoadError { get; private set; }

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        try
        {
            var draft = await Session.DraftAsync();
            Draft = draft;
            draft.Changed += OnChanged;
        }
        catch (Exception e) when (e is IOException or TimeoutException or OperationCanceledException)
        {
            LoadError = $"qubesd could not be read: {e.Message}";
        }
    }

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Once, after the first interactive render (a prerender that read too would double every navigation's reads;
        // reading before that render would hold back the page the prerender already showed). The page is usable
        // meanwhile, so the read must not drop a change staged before it returns: Refresh keeps staged changes (and
        // notes how qubesd now differs), where Reload would discard them.
        if (!firstRender || Draft is not { } draft || !ReloadOnOpen || draft.Snapshot.HasChanges || draft.IsApplying) return;
        try
        {
            await draft.RefreshAsync();
        }
        catch (Exception e) when (e is IOException or TimeoutException or OperationCanceledException)
        {
            LoadError = $"qubesd could not be read: {e.Message}";
            if (!_disposed) StateHasChanged();
        }
    }

    /// <summary>True in the server's static prerender, which the interactive render follows at once.</summary>
    protected bool IsPrerendering => RendererInfo.Name == "Static";

    /// <summary>Whether opening the page re-reads qubesd when nothing is staged.</summary>
    protected virtual bool ReloadOnOpen => true;

    /// <summary>Runs on this renderer after the draft changed, before it renders again.</summary>
    protected virtual void OnDraftChanged()
    {
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        if (Draft is not null) Draft.Changed -= OnChanged;
        GC.SuppressFinalize(this);
    }

    private void OnChanged() => _ = InvokeAsync(() =>
    {
        if (_disposed) return;
        OnDraftChanged();
        StateHasChanged();
    });
}
