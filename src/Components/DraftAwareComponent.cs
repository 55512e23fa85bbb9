
namespace QubesPoolConsole.Components;

/// <summary>
/// A component that shows the session's pending changes and re-renders whenever they change — in this tab, in
/// another tab of the same session, or on disk. <see cref="PoolDraft.Changed"/> is raised on whichever thread made
/// the change (another circuit's, the file watcher's), so the update is marshalled onto this component's own
/// renderer; override <see cref="OnDraftChanged"/> to refresh state derived from the draft before it renders.
/// </summary>
public abstract class DraftAwareComponent : ComponentBase, IDisposable
{
    private bool _subscribed;
    private bool _disposed;

    /// <summary>The login session's pending changes.</summary>
    [Inject] public required PoolDraft Draft { get; init; }

    /// <inheritdoc />
    public override Task SetParametersAsync(ParameterView parameters)
    {
        // Here rather than in OnInitialized, so that a derived page cannot forget to call the base.
        if (!_subscribed)
        {
            Draft.Changed += OnChanged;
            _subscribed = true;
        }
        return base.SetParametersAsync(parameters);
    }

    /// <summary>Runs on this component's renderer after the draft changed, just before it renders again.</summary>
    protected virtual void OnDraftChanged()
    {
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        if (_subscribed) Draft.Changed -= OnChanged;
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what a derived component holds besides the subscription.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    private void OnChanged() => _ = InvokeAsync(() =>
    {
        if (_disposed) return;
        OnDraftChanged();
        StateHasChanged();
    });
}
