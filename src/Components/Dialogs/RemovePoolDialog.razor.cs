using MudBlazor;
using QubesPoolConsole.Components.Model;

namespace QubesPoolConsole.Components.Dialogs;

/// <summary>
/// Confirms removing a pool and stages <see cref="RemovePool"/>; closes with Ok(the staged edits) or Cancel.
/// Core refuses the default pool and pools that VMs use (or when qubes.xml cannot be read); the dialog then says
/// why and lists those VMs.
/// </summary>
public partial class RemovePoolDialog
{
    [Inject] public required PoolDraft Draft { get; init; }

    private string? _refusal;
    private string? _dir;
    private IReadOnlyList<VmInfo> _vms = [];

    [CascadingParameter] private IMudDialogInstance MudDialog { get; set; } = default!;

    /// <summary>The pool to remove.</summary>
    [Parameter, EditorRequired] public string Pool { get; set; } = "";

    protected override void OnInitialized()
    {
        var inventory = Draft.Base.Inventory.Collection;
        _vms = inventory.InPool(Pool).ToList();
        _dir = Draft.CurrentPools.FirstOrDefault(p => p.Name == Pool)?.DirPath?.Value;
        _refusal = Draft.Preview([new RemovePool(Pool)]) is { Ok: false } refused ? string.Join(" ", refused.Errors.Select(e => e.Message)) : null;
    }

    private void Submit()
    {
        if (_refusal is not null) return;
        var edit = new RemovePool(Pool);
        if (DraftStaging.Stage(Draft, [edit]) is { } refused)
        {
            _refusal = string.Join(" ", refused.Errors.Select(e => e.Message));
            return;
        }
        MudDialog.Close(DialogResult.Ok<IReadOnlyList<PoolEdit>>([edit]));
    }

    private void Cancel() => MudDialog.Cancel();
}
