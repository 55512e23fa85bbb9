using Microsoft.AspNetCore.Components;
using MudBlazor;
using QubesPoolConsole.Components.Model;
using QubesPoolConsole.Core.Pools;

namespace QubesPoolConsole.Components.Dialogs;

/// <summary>Opens the pool dialogs and, when one staged edits, says so in a snackbar that links to the review page.</summary>
public static class PoolDialogs
{
    private static readonly DialogOptions Options = new()
    {
        MaxWidth = MaxWidth.Small,
        FullWidth = true,
        CloseOnEscapeKey = true,
        CloseButton = true,
    };

    /// <summary>The create dialog.</summary>
    public static Task<bool> CreateAsync(IDialogService dialogs, ISnackbar snackbar, NavigationManager nav)
        => ShowAsync<CreatePoolDialog>(dialogs, snackbar, nav, "Add pool", []);

    /// <summary>The edit dialog.</summary>
    public static Task<bool> EditAsync(IDialogService dialogs, ISnackbar snackbar, NavigationManager nav, string pool)
        => ShowAsync<EditPoolDialog>(dialogs, snackbar, nav, $"Edit pool {pool}", new DialogParameters<EditPoolDialog> { { d => d.Pool, pool } });

    /// <summary>The remove confirmation.</summary>
    public static Task<bool> RemoveAsync(IDialogService dialogs, ISnackbar snackbar, NavigationManager nav, string pool)
        => ShowAsync<RemovePoolDialog>(dialogs, snackbar, nav, $"Remove pool {pool}", new DialogParameters<RemovePoolDialog> { { d => d.Pool, pool } });

    private static async Task<bool> ShowAsync<TDialog>(IDialogService dialogs, ISnackbar snackbar, NavigationManager nav, string title, DialogParameters parameters)
        where TDialog : IComponent
    {
        var reference = await dialogs.ShowAsync<TDialog>(title, parameters, Options);
        var result = await reference.Result;
        if (result is not { Canceled: false, Data: IReadOnlyList<PoolEdit> edits }) return false;
        snackbar.Add(DraftStaging.StagedMessage(edits), Severity.Success, o =>
        {
            o.Action = "Review";
            o.OnClick = _ =>
            {
                nav.NavigateTo(PoolLinks.Review);
                return Task.CompletedTask;
            };
        });
        return true;
    }
}
