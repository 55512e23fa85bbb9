using QubesPoolConsole.Core.Qubesd.Backend;
using QubesPoolConsole.Core.Qubesd.Pools;
using QubesPoolConsole.Core.Qubesd.Vms;

namespace QubesPoolConsole.Components.R4;

/// <summary>
/// New VM over qubesd: name, label, class, template and the pools (defaults, one for all, or per volume), planned by
/// <see cref="R4VmPlanner"/> after every change, created by <see cref="R4VmCreator"/> with its progress shown.
/// The VM is created in the pools as qubesd has them now; pending pool changes are not part of it.
/// </summary>
public partial class R4NewVmPage : IDisposable
{
    private const string DefaultItem = "(default)";
    private const string DefaultTemplateItem = "(default_template)";

    private readonly R4NewVmForm _form = new();
    private readonly List<string> _lines = [];
    private R4PoolsView? _view;
    private R4VmChoices? _choices;
    private R4VmAnalysis? _analysis;
    private R4VmCreateOutcome? _outcome;
    private string? _loadError;
    private bool _creating;
    private int _planVersion;
    private R4Draft? _draft;
    private bool _disposed;

    /// <summary>The login session's qubesd access.</summary>
    [Inject] public required R4Session Session { get; init; }

    /// <summary>A pool to put every volume in (the pools page's "New VM" links).</summary>
    [SupplyParameterFromQuery(Name = "pool")] public string? Pool { get; set; }

    /// <summary>The form (for tests).</summary>
    public R4NewVmForm Form => _form;

    /// <summary>The latest plan (for tests).</summary>
    public R4VmAnalysis? Analysis => _analysis;

    // After a create the fields rest until "Create another VM": the plan would now say the name is taken.
    private bool Busy => _creating || _outcome is { Succeeded: true };

    private IEnumerable<string> Lines
    {
        get
        {
            lock (_lines) return [.. _lines];
        }
    }

    private string? NameError => _form.Name.Length == 0 ? null : ErrorFor(R4Codes.VmNameInvalid, R4Codes.VmExists);

    private string ClassHelp => _form.Class switch
    {
        "AppVM" => "Runs from its template's root; keeps only its private volume",
        "TemplateVM" => "A new, empty template with its own root",
        _ => "Its own root, not tied to a template",
    };

    private string? TemplateRootPool => _analysis?.Plan.Volumes.FirstOrDefault(v => v.Volume == "root" && !v.IsCreated)?.Pool;

    private string RootItem => $"stays with its template ({TemplateRootPool ?? "its template's pool"})";

    private string RootHelp => $"An AppVM's root is a snapshot of its template's root, so it stays in {TemplateRootPool ?? "the template's pool"}; qubesd refuses to move it.";

    private string OnePoolHelp => _form.HasTemplate
        ? "private and volatile go here; root stays with the template and kernel with its default"
        : "root, private and volatile go here; kernel stays with its default";

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        try
        {
            var client = Session.Reader.Client;
            var choicesTask = R4VmChoices.ReadAsync(client);
            _view = await Session.Reader.ReadAsync();
            _choices = await choicesTask;
            if (!_view.IsLoaded)
            {
                _loadError = $"The pools could not be read from qubesd: {_view.Error}";
                return;
            }
            if (_choices.Labels.Count > 0 && !_choices.Labels.Contains(_form.Label)) _form.Label = _choices.Labels[0];
            if (Pool is { Length: > 0 } pool && _view.Row(pool) is not null)
            {
                _form.Mode = R4PoolMode.OnePool;
                _form.Pool = pool;
            }
            await PlanAsync();
            // The session's draft is refreshed after qubesd's events: a pool or VM added elsewhere re-plans this VM.
            _draft = await Session.DraftAsync();
            _draft.Changed += OnQubesdChanged;
        }
        catch (Exception e) when (e is IOException or TimeoutException or OperationCanceledException)
        {
            _loadError = $"qubesd could not be read: {e.Message}";
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        if (_draft is not null) _draft.Changed -= OnQubesdChanged;
        GC.SuppressFinalize(this);
    }

    private void OnQubesdChanged() => _ = InvokeAsync(async () =>
    {
        if (_disposed || _creating || _draft is null) return;
        try
        {
            // With nothing staged the draft's base is the fresh reading; otherwise it is the old one, so read again.
            _view = _draft.Snapshot.HasChanges ? await Session.Reader.ReadAsync() : _draft.Base;
            if (_outcome is not { Succeeded: true }) await PlanAsync();
            StateHasChanged();
        }
        catch (Exception e) when (e is IOException or TimeoutException or OperationCanceledException)
        {
            // The next event or the create (which reads qubesd again) tries again.
        }
    });

    private async Task ChangeAsync(Action change)
    {
        change();
        await PlanAsync();
    }

    private async Task PlanAsync()
    {
        if (_view is null) return;
        // Plans may finish out of order when fields change quickly; only the newest is shown.
        int version = ++_planVersion;
        var analysis = await R4VmPlanner.PlanAsync(Session.Reader.Client, _view, _form.ToRequest());
        if (version == _planVersion) _analysis = analysis;
    }

    private async Task CreateAsync()
    {
        if (_analysis is not { Accepted: true } || _creating) return;
        _creating = true;
        _outcome = null;
        lock (_lines) _lines.Clear();
        var progress = new Progress<string>(line =>
        {
            lock (_lines) _lines.Add(line);
            _ = InvokeAsync(StateHasChanged);
        });
        var outcome = await new R4VmCreator(Session.Reader).CreateAsync(_form.ToRequest(), progress);
        lock (_lines)
        {
            _lines.Clear();
            _lines.AddRange(outcome.Lines);
        }
        _outcome = outcome;
        _creating = false;
        // What the VM took (or what made it fail) is read again for the next plan.
        _view = await Session.Reader.ReadAsync();
        if (!outcome.Succeeded) await PlanAsync();
    }

    private async Task StartOverAsync()
    {
        _form.Name = "";
        _outcome = null;
        lock (_lines) _lines.Clear();
        await PlanAsync();
    }

    private static bool IsFieldError(R4Finding f)
        => f.IsError && f.Code is R4Codes.VmNameInvalid or R4Codes.VmExists or R4Codes.LabelUnknown or R4Codes.TemplateUnknown;

    private string? ErrorFor(params string[] codes)
        => _analysis?.Findings.FirstOrDefault(f => f.IsError && codes.Contains(f.Code))?.Message;

    private string? PoolError(string? volume)
        => _analysis?.Findings.FirstOrDefault(f => f.IsError && f.Code is not (R4Codes.VmNameInvalid or R4Codes.VmExists or R4Codes.LabelUnknown or R4Codes.TemplateUnknown)
            && (volume is null ? f.Option is null or "private" : f.Option == volume))?.Message;

    private string DefaultLabel(string volume)
    {
        var property = "default_pool_" + volume;
        var pool = _view?.State?.Defaults[property].Value ?? _view?.State?.Defaults[R4DefaultPools.DefaultPool].Value;
        return $"default ({property}: {pool ?? "not set"})";
    }

    private string VolumeHelp(string volume) => volume switch
    {
        "kernel" => "Only linux-kernel pools hold the kernels dom0 provides",
        "volatile" => "Swap and temporary data, emptied at every start",
        "private" => "The VM's own data (/rw), kept",
        _ => "The VM's own root file system",
    };

    private static string PoolItem(R4PoolRow row)
    {
        var free = row.Data is { Size: { } size, Used: { } used } ? $" — {R4Bytes.Format(size - used)} free" : "";
        return $"{row.Name} ({row.Driver}){free}";
    }
}
