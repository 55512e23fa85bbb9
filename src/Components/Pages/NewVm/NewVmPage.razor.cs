using QubesPoolConsole.Components.Vms;

namespace QubesPoolConsole.Components.Pages.NewVm;

/// <summary>The guided VM creation: name, label, type, pool, options, review, then live output of the creation.</summary>
public partial class NewVmPage
{
    [Inject] public required IVmCreationService Service { get; init; }

    private enum Phase { Editing, Running, Done }

    private readonly List<string> _lines = [];
    private NewVmWizard? _wizard;
    private Phase _phase = Phase.Editing;
    private VmCreationResult? _result;

    /// <summary>The pool to preselect (from the pools page's "New VM" links).</summary>
    [SupplyParameterFromQuery(Name = "pool")] public string? Pool { get; set; }

    /// <summary>The wizard's state (for tests).</summary>
    public NewVmWizard? Wizard => _wizard;

    private VmReview Review => Service.Review(_wizard!.Model.ToRequest(), _wizard.Context);

    protected override void OnInitialized() => _wizard = NewVmWizard.Start(Service.Load(), Pool);

    private async Task CreateAsync()
    {
        if (_wizard is null || !Review.CanCreate) return;
        _phase = Phase.Running;
        _lines.Clear();
        _result = null;
        var progress = new LineProgress(line =>
        {
            lock (_lines) _lines.Add(line);
            _ = InvokeAsync(StateHasChanged);
        });
        var result = await Service.CreateAsync(_wizard.Model.ToRequest(), progress);
        lock (_lines)
        {
            _lines.Clear();
            _lines.AddRange(result.Output); // the backend's full, ordered record
        }
        _result = result;
        _phase = Phase.Done;
    }

    private void BackToReview()
    {
        // Re-read qubes.xml and storage.conf: something may have changed (that may be why it failed).
        var model = _wizard!.Model;
        _wizard = new NewVmWizard(Service.Load(), model);
        while (_wizard.Step < WizardStep.Review && _wizard.CanGoNext) _wizard.Next();
        _phase = Phase.Editing;
        _result = null;
    }

    private void StartOver()
    {
        _wizard = NewVmWizard.Start(Service.Load(), _wizard!.Model.Pool);
        _phase = Phase.Editing;
        _result = null;
        _lines.Clear();
    }

    private sealed class LineProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
