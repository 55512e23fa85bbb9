using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using QubesPoolConsole.Core.Audit;
using Diagnostic = QubesPoolConsole.Core.Diagnostics.Diagnostic;

namespace QubesPoolConsole.Components.Pages;

/// <summary>The pending changes: what they are, the diff, the resulting file; Apply, Revert, and conflict handling.</summary>
public partial class ReviewPage
{
    /// <summary>The claim that carries the login session id (added by the console's authentication, when present).</summary>
    public const string SessionClaim = "qpc:session";

    private IReadOnlyList<Diagnostic> _diagnostics = [];
    private IReadOnlyList<Diagnostic> _rebaseErrors = [];
    private ConflictState? _conflict;
    private Notice? _notice;
    private bool _busy;
    private bool _confirmed;

    [Inject] public required IDialogService Dialogs { get; init; }

    [Inject] public required AuditUser User { get; init; }

    [Inject] public required ISnackbar Snackbar { get; init; }

    [Inject] public required IServiceProvider Services { get; init; }

    protected override void OnParametersSet() => Validate();

    protected override void OnDraftChanged() => Validate();

    private void Validate() => _diagnostics = Draft.Current is { } doc ? PoolRules.Validate(doc) : [];

    private async Task ApplyAsync()
    {
        _busy = true;
        _notice = null;
        _rebaseErrors = [];
        var loaded = Draft.BaseText;
        var outcome = Draft.Apply(await SessionAsync(), User.Name, _confirmed);
        _busy = false;
        _confirmed = false;
        if (outcome.Refused is { } refused)
        {
            _notice = new Notice(Severity.Error, "Not applied: " + refused);
        }
        else if (outcome.IsConflict)
        {
            _conflict = new ConflictState(loaded, outcome.Save!.CurrentText, outcome.Save.Message);
        }
        else if (outcome.Applied)
        {
            _conflict = null;
            _notice = outcome.AuditFailure is { } failure
                ? new Notice(Severity.Warning, $"Applied. {outcome.Save!.Message} The audit entry could not be written: {failure}", OfferUndo: outcome.Save.HistoryEntry is not null)
                : new Notice(Severity.Success, "Applied. " + outcome.Save!.Message, OfferUndo: outcome.Save.HistoryEntry is not null);
            Snackbar.Add("Changes applied to storage.conf.", Severity.Success);
        }
        else
        {
            _notice = new Notice(Severity.Error, outcome.Save?.Message ?? "Not applied.");
        }
        Validate();
    }

    private async Task RevertAsync()
    {
        var confirm = await Dialogs.ShowMessageBoxAsync("Revert pending changes?",
            $"Discard all {Draft.Edits.Count} pending change(s)? storage.conf is not touched.", yesText: "Revert", cancelText: "Keep them");
        if (confirm != true) return;
        Draft.Revert();
        _notice = new Notice(Severity.Info, "Pending changes discarded; storage.conf was not touched.");
    }

    private Task RebaseAsync()
    {
        var result = Draft.Rebase();
        if (result.Ok)
        {
            _conflict = null;
            _rebaseErrors = [];
            _notice = new Notice(Severity.Info, "Your changes were replayed on the file as it is now. Check the new diff, then apply.");
        }
        else
        {
            _rebaseErrors = result.Errors.ToList();
        }
        Validate();
        return Task.CompletedTask;
    }

    private Task DiscardAsync()
    {
        Draft.Reload();
        _conflict = null;
        _rebaseErrors = [];
        _notice = new Notice(Severity.Info, "Your changes were discarded; this is storage.conf as it is on disk now.");
        Validate();
        return Task.CompletedTask;
    }

    /// <summary>The login session from the authentication state when the console has one, else "local".</summary>
    private async Task<string> SessionAsync()
    {
        if (Services.GetService(typeof(AuthenticationStateProvider)) is not AuthenticationStateProvider auth) return "local";
        try
        {
            var state = await auth.GetAuthenticationStateAsync();
            return state.User.FindFirst(SessionClaim)?.Value ?? "local";
        }
        catch (InvalidOperationException)
        {
            // No authentication configured for this circuit.
            return "local";
        }
    }

    private sealed record ConflictState(string LoadedText, string? DiskText, string Message);

    private sealed record Notice(Severity Severity, string Text, bool OfferUndo = false);
}
