using QubesPoolConsole.Core.Config;
using Diagnostic = QubesPoolConsole.Core.Diagnostics.Diagnostic;

namespace QubesPoolConsole.Components.Pages;

/// <summary>
/// The raw text editor, for a file the forms cannot edit (malformed or missing): live diagnostics as Qubes would
/// read the text, the diff against the file, and staging the text as a whole-file replacement.
/// </summary>
public partial class RawEditorPage
{
    /// <summary>The reason recorded for a raw edit.</summary>
    public const string EditReason = "Edit storage.conf as text";

    /// <summary>The reason recorded for restoring the shipped file.</summary>
    public const string RestoreReason = "Restore the storage.conf Qubes R3.2 ships";

    private string _text = "";
    private string _startText = "";
    private IReadOnlyList<Diagnostic> _diagnostics = [];
    private IReadOnlyList<Diagnostic> _stageErrors = [];

    [Inject] public required NavigationManager Nav { get; init; }

    protected override void OnInitialized() => Start(Draft.CurrentText);

    private bool HasUnstagedText() => _text != Draft.CurrentText;

    private void Start(string text)
    {
        _startText = text;
        _text = text;
        Check();
    }

    private void OnTextChanged(string? text)
    {
        _text = text ?? "";
        _stageErrors = [];
        Check();
    }

    private void Check() => _diagnostics = PoolRules.Validate(StorageConfDocument.Parse(_text));

    private void Reset() => Start(Draft.CurrentText);

    private void Stage() => StageAndReview(new ReplaceText(_text, EditReason));

    private void RestoreShipped()
    {
        _text = ShippedStorageConf.Text;
        StageAndReview(new ReplaceText(ShippedStorageConf.Text, RestoreReason));
    }

    private void StageAndReview(ReplaceText edit)
    {
        var result = Draft.Add(edit);
        if (!result.Ok)
        {
            _stageErrors = result.Errors.ToList();
            return;
        }
        Nav.NavigateTo(ConsoleUrls.Review);
    }

    // The file changed on disk (or in another tab): follow it unless the user has typed something.
    protected override void OnDraftChanged()
    {
        if (_text == _startText && _text != Draft.CurrentText) Start(Draft.CurrentText);
    }
}
