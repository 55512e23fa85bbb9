using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using QubesPoolConsole.Components.Controls;
using QubesPoolConsole.Components.Model;
using QubesPoolConsole.Core.Diagnostics;

namespace QubesPoolConsole.Components.Dialogs;

/// <summary>Asks for a new pool and stages an <see cref="AddPool"/>; closes with Ok(the staged edits) or Cancel.</summary>
public partial class CreatePoolDialog
{
    [Inject] public required PoolDraft Draft { get; init; }

    private readonly CreatePoolFormModel _form = new();
    private readonly HashSet<string> _touched = [];
    private FieldMessages _messages = FieldMessages.None;
    private FieldMessages _visible = FieldMessages.None;
    private bool _submitted;

    [CascadingParameter] private IMudDialogInstance MudDialog { get; set; } = default!;

    /// <summary>The form, for tests.</summary>
    public CreatePoolFormModel Form => _form;

    private void Change(Action set, string? field)
    {
        set();
        if (field is not null) _touched.Add(field);
        Revalidate();
    }

    private void Revalidate()
    {
        _messages = _form.Check(Draft);
        // Before the first submit, speak only about fields the user has touched.
        _visible = _submitted ? _messages : new FieldMessages(_messages.All.Where(d => IsTouched(FieldMessages.FieldOf(d))));
    }

    private bool IsTouched(string field)
        => field == FieldMessages.General || _touched.Contains(field)
           || (field != FieldMessages.Name && field != FieldMessages.DirPath && field != FieldMessages.Class && _touched.Contains(OptionRowsEditor.Field));

    private void Submit()
    {
        _submitted = true;
        Revalidate();
        if (_messages.HasErrors) return;
        var edit = _form.ToEdit();
        if (DraftStaging.Stage(Draft, [edit]) is { } refused)
        {
            _messages = _visible = new FieldMessages(refused.Diagnostics);
            return;
        }
        MudDialog.Close(DialogResult.Ok<IReadOnlyList<PoolEdit>>([edit]));
    }

    // Enter in a text field submits, as in a plain HTML form (the buttons sit outside the fields' markup).
    private void SubmitOnEnter(KeyboardEventArgs e)
    {
        if (e.Key is "Enter" or "NumpadEnter" && !e.ShiftKey && !e.AltKey && !e.CtrlKey) Submit();
    }

    private void Cancel() => MudDialog.Cancel();

    private IEnumerable<Diagnostic> Shown(string field) => field == FieldMessages.General
        ? _visible.Unplaced(_form.Kind == PoolKind.Xen ? [FieldMessages.Name, FieldMessages.DirPath] : [FieldMessages.Name, FieldMessages.Class, .. _form.Options.Select(o => o.Key.Trim())])
        : _visible.ErrorsFor(field);

    private bool HasError(string field) => _visible.ErrorsFor(field).Any();

    private string? ErrorText(string field) => _visible.ErrorText(field);

    private IReadOnlyList<Diagnostic> Warnings(string field) => _visible.WarningsFor(field).ToList();

    private static Severity AlertSeverity(Diagnostic d) => d.IsError ? Severity.Error : Severity.Warning;
}
