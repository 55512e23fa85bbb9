using MudBlazor;
using QubesPoolConsole.Components.Model;

namespace QubesPoolConsole.Components.Dialogs;

/// <summary>
/// Opens the pool dialogs and, when one staged edits, says so in a snackbar that links to the review page.
/// Scoped: one per circuit, over that circuit's dialog provider, snackbars and navigation.
/// </summary>
public sealed class PoolDialogs(IDialogService dialogs, ISnackbar snackbar, NavigationManager nav)
{
    /// <summary>How long a "Staged: …" notice stays (unless hovered); the app bar's count is the lasting sign.</summary>
    public static readonly TimeSpan NoticeDuration = TimeSpan.FromSeconds(5);

    private static readonly DialogOptions Options = new()
    {
        MaxWidth = MaxWidth.Small,
        FullWidth = true,
        CloseOnEscapeKey = true,
        CloseButton = true,
    };

    /// <summary>The create dialog.</summary>
    public Task<bool> CreateAsync() => ShowAsync<CreatePoolDialog>("Add pool", []);

    /// <summary>The edit dialog.</summary>
    public Task<bool> EditAsync(string pool)
        => ShowAsync<EditPoolDialog>($"Edit pool {pool}", new DialogParameters<EditPoolDialog> { { d => d.Pool, pool } });

    /// <summary>The remove confirmation.</summary>
    public Task<bool> RemoveAsync(string pool)
        => ShowAsync<RemovePoolDialog>($"Remove pool {pool}", new DialogParameters<RemovePoolDialog> { { d => d.Pool, pool } });

    private async Task<bool> ShowAsync<TDialog>(string title, DialogParameters parameters)
        where TDialog : IComponent
    {
        var reference = await dialogs.ShowAsync<TDialog>(title, parameters, Options);
        var result = await reference.Result;
        if (result is not { Canceled: false, Data: IReadOnlyList<PoolEdit> edits }) return false;
        snackbar.Add(DraftStaging.StagedMessage(edits), Severity.Success, o =>
        {
            // A notice with an action would wait for a click by default; this one goes away by itself (not while hovered).
            o.RequireInteraction = false;
            o.VisibleStateDuration = (int)NoticeDuration.TotalMilliseconds;
            o.ShowCloseIcon = true;
            o.Action = "Review";
            o.OnClick = _ =>
            {
                nav.NavigateTo(ConsoleUrls.Review);
                return Task.CompletedTask;
            };
        });
        return true;
    }
}
