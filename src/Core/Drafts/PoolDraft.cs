using QubesPoolConsole.Core.Audit;
using QubesPoolConsole.Core.Config;
using QubesPoolConsole.Core.Diffs;
using QubesPoolConsole.Core.Pools;
using QubesPoolConsole.Core.Storage;

namespace QubesPoolConsole.Core.Drafts;

/// <summary>
/// Pending changes to storage.conf: edits accumulate on top of the file as it was loaded, are shown as a diff and
/// the resulting text, and are written only by <see cref="Apply"/> through the safe save — which refuses when the
/// file changed on disk meanwhile. <see cref="Rebase"/> replays the same edits on the new file.
/// One draft per browser session; not thread-safe (Blazor serialises a circuit's events).
/// </summary>
public sealed class PoolDraft
{
    private readonly List<PoolEdit> _edits = [];
    private readonly PoolCatalog catalog;
    private readonly IAuditLog? audit;

    /// <summary>Starts a draft on the file as it is now.</summary>
    public PoolDraft(PoolCatalog catalog, IAuditLog? audit = null)
    {
        this.catalog = catalog;
        this.audit = audit;
        Base = catalog.Read();
        Current = Base.Load.Document;
    }

    /// <summary>The file as loaded when the draft (re)started.</summary>
    public PoolsSnapshot Base { get; private set; }

    /// <summary>Where the console's files are.</summary>
    public PoolCatalog Catalog => catalog;

    /// <summary>The pending edits, in order.</summary>
    public IReadOnlyList<PoolEdit> Edits => _edits;

    /// <summary>The base document with every pending edit applied (null when the file could not be loaded at all).</summary>
    public StorageConfDocument? Current { get; private set; }

    /// <summary>True when there is something to apply.</summary>
    public bool HasChanges => _edits.Count > 0 && Current is not null && Current.ToText() != BaseText;

    /// <summary>The text on disk when loaded ("" when missing).</summary>
    public string BaseText => Base.Load.Document?.ToText() ?? "";

    /// <summary>The pools of <see cref="Current"/> as Qubes would load them.</summary>
    public IReadOnlyList<EffectivePool> CurrentPools
        => Current is { IsReadableByQubes: true } doc ? PoolModel.Build(doc, catalog.DefaultDirPath) : [];

    /// <summary>Raised after any change to the draft or its base.</summary>
    public event Action? Changed;

    /// <summary>Drops the pending edits and reads the file again.</summary>
    public void Reload()
    {
        Base = catalog.Read();
        _edits.Clear();
        Current = Base.Load.Document;
        Changed?.Invoke();
    }

    /// <summary>Adds an edit if Core accepts it on top of the pending ones.</summary>
    public EditResult Add(PoolEdit edit)
    {
        var doc = Current ?? StorageConfDocument.Empty;
        var result = PoolEditor.Apply(doc, edit, Base.Inventory.Inventory.Usage);
        if (result.Ok)
        {
            _edits.Add(edit);
            Current = result.Document;
            Changed?.Invoke();
        }
        return result;
    }

    /// <summary>Discards every pending edit.</summary>
    public void Revert()
    {
        _edits.Clear();
        Current = Base.Load.Document;
        Changed?.Invoke();
    }

    /// <summary>The unified diff from the file as loaded to the draft.</summary>
    public string Diff() => Current is null ? "" : UnifiedDiff.Create(BaseText, Current.ToText());

    /// <summary>
    /// Writes the draft through the safe save. Refused (nothing written) when the draft would add errors to the file;
    /// on conflict nothing is written and <see cref="ApplyOutcome.DiskDiff"/> shows what changed on disk.
    /// </summary>
    public ApplyOutcome Apply(string session, string user)
    {
        var diff = Diff();
        if (Current is null) return new ApplyOutcome(null, diff, null, "There is nothing to write.");
        var before = Base.Load.Document is { } b ? PoolRules.Validate(b).Count(d => d.IsError) : int.MaxValue;
        var after = PoolRules.Validate(Current).Count(d => d.IsError);
        if (after > 0 && after >= before)
        {
            return new ApplyOutcome(null, diff, null,
                $"The new text still has {after} error(s) that Qubes would fail on; fix them before applying.");
        }
        var save = catalog.Store.Save(Current.ToText(), Base.Load.Sha256);
        if (save.Status == SaveStatus.Conflict)
        {
            return new ApplyOutcome(save, diff, UnifiedDiff.Create(BaseText, save.CurrentText ?? "", "a/storage.conf (loaded)", "b/storage.conf (on disk now)"), null);
        }
        if (save.Status == SaveStatus.Saved)
        {
            audit?.Append(new AuditEntry(DateTimeOffset.UtcNow, user, session, catalog.Store.Path,
                string.Join("; ", _edits.Select(e => e.Describe())), diff, save.Sha256));
        }
        if (save.Status is SaveStatus.Saved or SaveStatus.Unchanged) Reload();
        return new ApplyOutcome(save, diff, null, null);
    }

    /// <summary>Reloads the file from disk and replays the pending edits on it; the edits stay pending.</summary>
    public EditResult Rebase()
    {
        var edits = _edits.ToList();
        Reload();
        var doc = Current ?? StorageConfDocument.Empty;
        var result = PoolEditor.ApplyAll(doc, edits, Base.Inventory.Inventory.Usage);
        if (result.Ok)
        {
            _edits.AddRange(edits);
            Current = result.Document;
            Changed?.Invoke();
        }
        return result;
    }
}
