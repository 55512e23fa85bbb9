using MudBlazor;
using QubesPoolConsole.Core.Qubesd.Backend;

namespace QubesPoolConsole.Components.R4;

/// <summary>
/// Opens the qubesd pool dialogs and, when one staged a change, says so in a snackbar that links to the R4 review.
/// Scoped: one per circuit.
/// </summary>
public sealed class R4Dialogs(IDialogService dialogs, ISnackbar snackbar, NavigationManager nav)
{
    private static readonly DialogOptions Options = new()
    {
        MaxWidth = MaxWidth.Small,
        FullWidth = true,
        CloseOnEscapeKey = true,
        CloseButton = true,
    };

    /// <summary>The add dialog.</summary>
    public Task<bool> AddAsync(R4Draft draft)
        => ShowAsync<R4AddPoolDialog>("Add pool", new DialogParameters<R4AddPoolDialog> { { d => d.Draft, draft } });

    /// <summary>The set-option dialog.</summary>
    public Task<bool> SetAsync(R4Draft draft, string pool)
        => ShowAsync<R4SetOptionDialog>($"Set an option of pool {pool}",
            new DialogParameters<R4SetOptionDialog> { { d => d.Draft, draft }, { d => d.Pool, pool } });

    /// <summary>The remove confirmation (or refusal).</summary>
    public Task<bool> RemoveAsync(R4Draft draft, string pool)
        => ShowAsync<R4RemovePoolDialog>($"Remove pool {pool}",
            new DialogParameters<R4RemovePoolDialog> { { d => d.Draft, draft }, { d => d.Pool, pool } });

    /// <summary>Says that <paramref name="what"/> was staged, with a link to the review.</summary>
    public void Staged(string what) => snackbar.Add($"Staged: {what}", Severity.Success, o =>
    {
        o.RequireInteraction = false;
        o.VisibleStateDuration = 5000;
        o.ShowCloseIcon = true;
        o.Action = "Review";
        o.OnClick = _ =>
        {
            nav.NavigateTo(ConsoleUrls.Review);
            return Task.CompletedTask;
        };
    });

    private async Task<bool> ShowAsync<TDialog>(string title, DialogParameters parameters) where TDialog : IComponent
    {
        var reference = await dialogs.ShowAsync<TDialog>(title, parameters, Options);
        var result = await reference.Result;
        if (result is not { Canceled: false, Data: string what }) return false;
        Staged(what);
        return true;
    }
}
