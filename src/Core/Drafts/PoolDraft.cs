using QubesPoolConsole.Core.Audit;
using QubesPoolConsole.Core.Config;
using QubesPoolConsole.Core.Diagnostics;
using QubesPoolConsole.Core.Diffs;
using QubesPoolConsole.Core.Pools;
using QubesPoolConsole.Core.Storage;

namespace QubesPoolConsole.Core.Drafts;

/// <summary>
/// Pending changes to storage.conf: edits accumulate on top of the file as it was loaded, are shown as a diff and
/// the resulting text, and are written only by <see cref="Apply"/> through the safe save — which refuses when the
/// file changed on disk meanwhile. <see cref="Rebase"/> replays the same edits on the new file.
/// One draft per browser session. With a <see cref="FileChangeWatcher"/>, changes made outside the console are
/// picked up (<see cref="Refresh"/>): an empty draft reloads, a draft with edits is marked <see cref="ChangedOnDisk"/>.
/// Every change is made under a lock and published by swapping immutable values, so the watcher's thread and the
/// UI's may meet safely; <see cref="Changed"/> may therefore be raised on either.
/// </summary>
public sealed class PoolDraft : IDisposable
{
    /// <summary>Diagnostic code: a whole-text edit and the change on disk touch the same lines.</summary>
    public const string RebaseConflictCode = "rebase-conflict";

    private readonly Lock _gate = new();
    private readonly PoolCatalog catalog;
    private readonly IAuditLog? audit;
    private readonly FileChangeWatcher? watcher;
    private PoolEdit[] _edits = [];

    /// <summary>Starts a draft on the file as it is now; with <paramref name="watcher"/>, follows changes on disk.</summary>
    public PoolDraft(PoolCatalog catalog, IAuditLog? audit = null, FileChangeWatcher? watcher = null)
    {
        this.catalog = catalog;
        this.audit = audit;
        this.watcher = watcher;
        Base = catalog.Read();
        Current = Base.Load.Document;
        if (watcher is not null) watcher.Changed += OnFilesChanged;
    }

    /// <summary>The file as loaded when the draft (re)started.</summary>
    public PoolsSnapshot Base { get; private set; }

    /// <summary>Where the console's files are.</summary>
    public PoolCatalog Catalog => catalog;

    /// <summary>The pending edits, in order (a snapshot: it does not change after it is read).</summary>
    public IReadOnlyList<PoolEdit> Edits => _edits;

    /// <summary>The base document with every pending edit applied (null when the file could not be loaded at all).</summary>
    public StorageConfDocument? Current { get; private set; }

    /// <summary>True when there is something to apply.</summary>
    public bool HasChanges => _edits.Length > 0 && Current is { } c && c.ToText() != BaseText;

    /// <summary>
    /// True when storage.conf changed on disk while edits were pending: applying would conflict, so the user
    /// should rebase or discard. Cleared by <see cref="Rebase"/>, <see cref="Reload"/> and a successful apply.
    /// </summary>
    public bool ChangedOnDisk { get; private set; }

    /// <summary>The text on disk when loaded ("" when missing).</summary>
    public string BaseText => Base.Load.Document?.ToText() ?? "";

    /// <summary>The text that applying would write ("" when there is none).</summary>
    public string CurrentText => Current?.ToText() ?? "";

    /// <summary>The pools of <see cref="Current"/> as Qubes would load them.</summary>
    public IReadOnlyList<EffectivePool> CurrentPools
        => Current is { IsReadableByQubes: true } doc ? PoolModel.Build(doc, catalog.DefaultDirPath) : [];

    /// <summary>Raised after any change to the draft or its base (on the caller's or the watcher's thread).</summary>
    public event Action? Changed;

    /// <summary>Drops the pending edits and reads the file again.</summary>
    public void Reload()
    {
        lock (_gate) ReloadLocked(catalog.Read());
        Changed?.Invoke();
    }

    /// <summary>Adds an edit if Core accepts it on top of the pending ones.</summary>
    public EditResult Add(PoolEdit edit)
    {
        EditResult result;
        lock (_gate)
        {
            var doc = Current ?? StorageConfDocument.Empty;
            result = PoolEditor.Apply(doc, edit, Base.Inventory.Inventory.Usage);
            if (!result.Ok) return result;
            _edits = [.. _edits, edit];
            Current = result.Document;
        }
        Changed?.Invoke();
        return result;
    }

    /// <summary>Discards every pending edit (the base stays as loaded; see <see cref="Reload"/>).</summary>
    public void Revert()
    {
        lock (_gate)
        {
            _edits = [];
            Current = Base.Load.Document;
        }
        Changed?.Invoke();
    }

    /// <summary>The unified diff from the file as loaded to the draft.</summary>
    public string Diff() => Current is null ? "" : UnifiedDiff.Create(BaseText, CurrentText);

    /// <summary>
    /// Writes the draft through the safe save. Refused (nothing written) when there is nothing to write, when Qubes
    /// could not read the new text, or when it has errors the file on disk did not have; on conflict nothing is
    /// written and <see cref="ApplyOutcome.DiskDiff"/> shows what changed on disk.
    /// </summary>
    public ApplyOutcome Apply(string session, string user)
    {
        ApplyOutcome outcome;
        lock (_gate)
        {
            outcome = ApplyLocked(session, user);
        }
        Changed?.Invoke();
        return outcome;
    }

    /// <summary>
    /// Reads the file from disk again and replays the pending edits on it. On success the edits stay pending on the
    /// new base; when an edit no longer fits, nothing changes (the draft keeps its old base) and the errors say why.
    /// </summary>
    public EditResult Rebase()
    {
        EditResult result;
        lock (_gate)
        {
            var fresh = catalog.Read();
            result = Replay(fresh, out var replayed);
            if (!result.Ok) return result;
            Base = fresh;
            _edits = replayed;
            Current = _edits.Length == 0 ? fresh.Load.Document : result.Document;
            ChangedOnDisk = false;
        }
        Changed?.Invoke();
        return result;
    }

    /// <summary>
    /// Looks at the files again (the watcher calls this): with no pending edits the draft takes the new state;
    /// with edits it keeps them and sets <see cref="ChangedOnDisk"/> when storage.conf differs from its base
    /// (a change to qubes.xml alone just refreshes the VM inventory).
    /// </summary>
    public void Refresh()
    {
        lock (_gate)
        {
            var fresh = catalog.Read();
            if (_edits.Length == 0)
            {
                ReloadLocked(fresh);
            }
            else if (fresh.Load.Sha256 == Base.Load.Sha256 && fresh.Load.Status == Base.Load.Status)
            {
                Base = fresh with { Load = Base.Load };
            }
            else
            {
                ChangedOnDisk = true;
            }
        }
        Changed?.Invoke();
    }

    /// <summary>Reads a version kept in history (for preview); never throws for a missing or unreadable file.</summary>
    public LoadResult ReadVersion(HistoryEntry entry)
    {
        try
        {
            return ConfFileStore.FromBytes(File.ReadAllBytes(entry.Path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new LoadResult(LoadStatus.Unreadable, null, null, Diagnostic.Error(DiagnosticCodes.FileUnreadable,
                $"The kept version {entry.Name} cannot be read: {ex.Message}"));
        }
    }

    /// <summary>Stages restoring a version kept in history as a whole-text replacement, shown and applied like any edit.</summary>
    public EditResult StageRestore(HistoryEntry entry)
    {
        var version = ReadVersion(entry);
        if (version.Document is not { } doc)
        {
            return EditResult.Refused(version.Problem!);
        }
        return Add(new ReplaceText(doc.ToText(), $"Restore the version replaced at {entry.SavedAt:yyyy-MM-dd HH:mm:ss} UTC ({entry.Name})"));
    }

    /// <summary>Stops following the watcher.</summary>
    public void Dispose()
    {
        if (watcher is not null) watcher.Changed -= OnFilesChanged;
    }

    private void OnFilesChanged(IReadOnlyList<string> files) => Refresh();

    /// <summary>
    /// Replays the pending edits on <paramref name="fresh"/>. Structured edits are applied again as they are; a
    /// whole-text edit is three-way merged (its change from the old base is carried onto the new file), so that a
    /// raw edit or a restore does not silently undo what someone else wrote.
    /// </summary>
    private EditResult Replay(PoolsSnapshot fresh, out PoolEdit[] replayed)
    {
        var oldDoc = Base.Load.Document ?? StorageConfDocument.Empty;
        var doc = fresh.Load.Document ?? StorageConfDocument.Empty;
        var warnings = new List<Diagnostic>();
        var edits = new List<PoolEdit>();
        replayed = [];
        foreach (var edit in _edits)
        {
            var next = edit;
            if (edit is ReplaceText raw)
            {
                if (TextMerge.Merge(oldDoc.ToText(), raw.Text, doc.ToText()) is not { } merged)
                {
                    return EditResult.Refused(Diagnostic.Error(RebaseConflictCode,
                        $"\"{raw.Reason}\" changes the same lines as the change on disk, so it cannot be replayed. Discard your changes and edit the new file."));
                }
                next = raw with { Text = merged };
            }
            var result = PoolEditor.Apply(doc, next, fresh.Inventory.Inventory.Usage);
            if (!result.Ok) return result;
            warnings.AddRange(result.Warnings);
            oldDoc = PoolEditor.Apply(oldDoc, edit, Base.Inventory.Inventory.Usage).Document ?? oldDoc;
            doc = result.Document!;
            edits.Add(next);
        }
        replayed = [.. edits];
        return EditResult.Accepted(doc, warnings);
    }

    private void ReloadLocked(PoolsSnapshot fresh)
    {
        Base = fresh;
        _edits = [];
        Current = fresh.Load.Document;
        ChangedOnDisk = false;
    }

    private ApplyOutcome ApplyLocked(string session, string user)
    {
        var diff = Diff();
        if (Current is null || !HasChanges) return new ApplyOutcome(null, diff, null, "There are no pending changes to apply.");
        if (ApplyCheck.Refusal(Base.Load.Document, Current) is { } refusal) return new ApplyOutcome(null, diff, null, refusal);
        var save = catalog.Store.Save(CurrentText, Base.Load.Sha256);
        if (save.Status == SaveStatus.Conflict)
        {
            ChangedOnDisk = true;
            return new ApplyOutcome(save, diff,
                UnifiedDiff.Create(BaseText, save.CurrentText ?? "", "a/storage.conf (loaded)", "b/storage.conf (on disk now)"), null);
        }
        if (save.Status == SaveStatus.Saved)
        {
            audit?.Append(new AuditEntry(DateTimeOffset.UtcNow, user, session, catalog.Store.Path,
                string.Join("; ", _edits.Select(e => e.Describe())), diff, save.Sha256));
        }
        if (save.Status is SaveStatus.Saved or SaveStatus.Unchanged) ReloadLocked(catalog.Read());
        return new ApplyOutcome(save, diff, null, null);
    }
}
