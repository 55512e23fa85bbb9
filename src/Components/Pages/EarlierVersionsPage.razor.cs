
namespace QubesPoolConsole.Components.Pages;

/// <summary>Earlier versions of storage.conf kept by each apply; restoring one stages it for review.</summary>
public partial class EarlierVersionsPage
{
    private IReadOnlyList<HistoryEntry> _history = [];
    private ShownVersion? _shown;
    private string? _error;

    [Inject] public required NavigationManager Nav { get; init; }

    protected override void OnInitialized() => _history = Draft.Catalog.Store.History();

    private void Show(HistoryEntry entry)
    {
        var version = Draft.ReadVersion(entry);
        _error = version.Problem?.Message;
        _shown = version.Document is { } doc ? new ShownVersion(entry, doc.ToText()) : null;
    }

    private void Restore(HistoryEntry entry)
    {
        var result = Draft.StageRestore(entry);
        if (!result.Ok)
        {
            _error = string.Join(" ", result.Errors.Select(e => e.Message));
            return;
        }
        Nav.NavigateTo(ConsoleUrls.Review);
    }

    protected override void OnDraftChanged() => _history = Draft.Catalog.Store.History();

    private sealed record ShownVersion(HistoryEntry Entry, string Text);
}
