using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using QubesPoolConsole.Components.Model;

namespace QubesPoolConsole.Components.Dialogs;

/// <summary>
/// Edits a pool's settings and stages the edits; closes with Ok(the staged edits) or Cancel. A dir_path change of a
/// pool with VMs shows Core's move warning and must be confirmed.
/// </summary>
public partial class EditPoolDialog
{
    [Inject] public required PoolDraft Draft { get; init; }

    private EditPoolFormModel? _form;
    private string? _blocked;
    private FieldMessages _messages = FieldMessages.None;
    private bool _moveConfirmed;

    [CascadingParameter] private IMudDialogInstance MudDialog { get; set; } = default!;

    /// <summary>The pool to edit.</summary>
    [Parameter, EditorRequired] public string Pool { get; set; } = "";

    /// <summary>The form, for tests.</summary>
    public EditPoolFormModel? Form => _form;

    /// <summary>Why Save is disabled, or null.</summary>
    public string? SubmitBlocked
        => _form is null ? _blocked
            : _form.ToEdits().Count == 0 ? "Nothing changed."
            : _messages.HasErrors ? "Fix the errors first."
            : _messages.MovesVms && !_moveConfirmed ? "Confirm that no files are moved."
            : null;

    protected override void OnInitialized()
    {
        var pool = Draft.CurrentPools.FirstOrDefault(p => p.Name == Pool);
        if (Draft.Current is not { IsReadableByQubes: true } doc || pool is null)
        {
            _blocked = $"Pool '{Pool}' is not in the pending state of storage.conf (it may have been removed, or the file cannot be read).";
            return;
        }
        _blocked = PoolDetails.EditBlockedReason(pool);
        if (_blocked is null) _form = new EditPoolFormModel(pool, doc);
    }

    private IEnumerable<string> Placed
        => _form is null ? [] : [FieldMessages.DirPath, FieldMessages.Class, .. _form.Options.Select(o => o.Key.Trim())];

    private void Change(Action set)
    {
        set();
        Revalidate();
    }

    private void Revalidate()
    {
        if (_form is null || Draft.Current is null) return;
        _messages = _form.Check(Draft);
        if (!_messages.MovesVms) _moveConfirmed = false;
    }

    // Enter in a text field submits, as in a plain HTML form (the buttons sit outside the fields' markup).
    private void SubmitOnEnter(KeyboardEventArgs e)
    {
        if (e.Key is "Enter" or "NumpadEnter" && !e.ShiftKey && !e.AltKey && !e.CtrlKey) Submit();
    }

    private void Submit()
    {
        Revalidate();
        if (_form is null || SubmitBlocked is not null) return;
        var edits = _form.ToEdits();
        if (DraftStaging.Stage(Draft, edits, _moveConfirmed) is { } refused)
        {
            _messages = new FieldMessages(refused.Diagnostics);
            return;
        }
        MudDialog.Close(DialogResult.Ok<IReadOnlyList<PoolEdit>>(edits));
    }

    private void Cancel() => MudDialog.Cancel();
}
