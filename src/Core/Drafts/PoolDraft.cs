using QubesPoolConsole.Core.Audit;
using QubesPoolConsole.Core.Config;
using QubesPoolConsole.Core.Diagnostics;
using QubesPoolConsole.Core.Diffs;
using QubesPoolConsole.Core.Pools;
using QubesPoolConsole.Core.Storage;
using QubesPoolConsole.Core.Vms;

namespace QubesPoolConsole.Core.Drafts;

/// <summary>
/// Pending changes to storage.conf: edits accumulate on top of the file as it was loaded, are shown as a diff and
/// the resulting text, and are written only by <see cref="Apply"/> through the safe save — which refuses when the
/// file changed on disk meanwhile. <see cref="Rebase"/> replays the same edits on the new file.
/// One draft per browser session. With a <see cref="FileChangeWatcher"/>, changes made outside the console are
/// picked up (<see cref="Refresh"/>): an empty draft reloads, a draft with edits is marked <see cref="ChangedOnDisk"/>.
/// Every change is made under a lock and published by swapping immutable values, so the watcher's thread and the
/// UI's may meet safely; <see cref="Changed"/> may therefore be raised on either.
/// Every state the draft reaches is judged by <see cref="ChangeJudge"/> against the file as loaded and qubes.xml
/// (<see cref="Verdict"/>): a form edit that adds an error is refused when staged; a whole text (raw editor,
/// restore) is staged with its findings; apply refuses while any error stands and asks for confirmation of a move.
/// </summary>
public sealed class PoolDraft : IDisposable
{
    /// <summary>Diagnostic code: a whole-text edit and the change on disk touch the same lines.</summary>
    public const string RebaseConflictCode = "rebase-conflict";

    private readonly Lock _gate = new();
    private readonly PoolCatalog _catalog;
    private readonly IAuditLog? _audit;
    private readonly FileChangeWatcher? _watcher;
    private PoolEdit[] _edits = [];
    private ChangeVerdict _verdict = ChangeVerdict.None;
    private HashSet<Diagnostic> _confirmed = [];

    /// <summary>Starts a draft on the file as it is now; with <paramref name="watcher"/>, follows changes on disk.</summary>
    public PoolDraft(PoolCatalog catalog, IAuditLog? audit = null, FileChangeWatcher? watcher = null)
    {
        _catalog = catalog;
        _audit = audit;
        _watcher = watcher;
        Base = catalog.Read();
        Current = Base.Load.Document;
        if (watcher is not null) watcher.Changed += OnFilesChanged;
    }

    /// <summary>The file as loaded when the draft (re)started.</summary>
    public PoolsSnapshot Base { get; private set; }

    /// <summary>Where the console's files are.</summary>
    public PoolCatalog Catalog => _catalog;

    /// <summary>The pending edits, in order (a snapshot: it does not change after it is read).</summary>
    public IReadOnlyList<PoolEdit> Edits => _edits;

    /// <summary>The base document with every pending edit applied (null when the file could not be loaded at all).</summary>
    public StorageConfDocument? Current { get; private set; }

    /// <summary>What <see cref="ChangeJudge"/> finds about <see cref="Current"/> (nothing while there is no change).</summary>
    public ChangeVerdict Verdict => _verdict;

    /// <summary>The findings of <see cref="Verdict"/> that need a confirmation not yet given (by staging or at apply).</summary>
    public IReadOnlyList<Diagnostic> Unconfirmed
    {
        get
        {
            lock (_gate) return [.. _verdict.NeedingConfirmation.Where(d => !_confirmed.Contains(d))];
        }
    }

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
        => Current is { IsReadableByQubes: true } doc ? PoolModel.Build(doc, _catalog.DefaultDirPath) : [];

    /// <summary>Raised after any change to the draft or its base (on the caller's or the watcher's thread).</summary>
    public event Action? Changed;

    /// <summary>Drops the pending edits and reads the file again.</summary>
    public void Reload()
    {
        lock (_gate) ReloadLocked(_catalog.Read());
        Changed?.Invoke();
    }

    /// <summary>
    /// Adds an edit on top of the pending ones, unless it changes nothing (then nothing is staged and the result has
    /// no findings). A structured edit is refused when <see cref="ChangeJudge"/> finds a new error; a whole text is
    /// staged with its findings (apply refuses while errors stand). With <paramref name="confirmed"/>, the person has
    /// already confirmed the warnings that need it (the edit dialog's checkbox, the command line's --yes).
    /// The result's diagnostics are the findings this edit adds.
    /// </summary>
    public EditResult Add(PoolEdit edit, bool confirmed = false) => AddRange([edit], confirmed);

    /// <summary>
    /// Adds <paramref name="edits"/> as one batch, all or nothing: judged together as <see cref="Add"/> judges one
    /// edit; when the batch is refused, none of it is staged.
    /// </summary>
    public EditResult AddRange(IReadOnlyList<PoolEdit> edits, bool confirmed = false)
    {
        EditResult result;
        lock (_gate)
        {
            result = TrialLocked(edits, out var after, out var verdict);
            if (!result.Ok || after is null) return result;
            _edits = [.. _edits, .. edits];
            Current = after;
            _verdict = verdict;
            if (confirmed) _confirmed.UnionWith(verdict.NeedingConfirmation);
        }
        Changed?.Invoke();
        return result;
    }

    /// <summary>What <see cref="Add"/> would answer for <paramref name="edits"/> in order, without staging anything.</summary>
    public EditResult Preview(IReadOnlyList<PoolEdit> edits)
    {
        lock (_gate) return TrialLocked(edits, out _, out _);
    }

    /// <summary>Discards every pending edit (the base stays as loaded; see <see cref="Reload"/>).</summary>
    public void Revert()
    {
        lock (_gate)
        {
            _edits = [];
            Current = Base.Load.Document;
            _verdict = ChangeVerdict.None;
            _confirmed = [];
        }
        Changed?.Invoke();
    }

    /// <summary>The unified diff from the file as loaded to the draft.</summary>
    public string Diff() => Current is null ? "" : UnifiedDiff.Create(BaseText, CurrentText);

    /// <summary>
    /// Writes the draft through the safe save. Refused (nothing written) when there is nothing to write, while
    /// <see cref="ChangeJudge"/> finds an error (judged again with qubes.xml as it is now), or while a finding needs a
    /// confirmation that was not given (<paramref name="confirmed"/> gives it for everything now pending). On conflict
    /// nothing is written and <see cref="ApplyOutcome.DiskDiff"/> shows what changed on disk. When the audit entry
    /// cannot be written after a successful save, the change stands and <see cref="ApplyOutcome.AuditFailure"/> says why.
    /// </summary>
    public ApplyOutcome Apply(string session, string user, bool confirmed = false)
    {
        ApplyOutcome outcome;
        lock (_gate)
        {
            outcome = ApplyLocked(session, user, confirmed);
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
            var fresh = _catalog.Read();
            result = Replay(fresh, out var replayed);
            if (!result.Ok) return result;
            Base = fresh;
            _edits = replayed;
            Current = _edits.Length == 0 ? fresh.Load.Document : result.Document;
            _verdict = JudgeLocked(Current);
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
            var fresh = _catalog.Read();
            if (_edits.Length == 0)
            {
                ReloadLocked(fresh);
            }
            else if (fresh.Load.Sha256 == Base.Load.Sha256 && fresh.Load.Status == Base.Load.Status)
            {
                Base = fresh with { Load = Base.Load };
                _verdict = JudgeLocked(Current); // VMs came or went: what the pending change means for them may differ
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
        if (_watcher is not null) _watcher.Changed -= OnFilesChanged;
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
            var result = PoolEditor.Apply(doc, next);
            if (!result.Ok) return result;
            warnings.AddRange(result.Warnings);
            oldDoc = PoolEditor.Apply(oldDoc, edit).Document ?? oldDoc;
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
        _verdict = ChangeVerdict.None;
        _confirmed = [];
        ChangedOnDisk = false;
    }

    private ChangeVerdict JudgeLocked(StorageConfDocument? doc)
        => doc is null ? ChangeVerdict.None : ChangeJudge.Judge(Base.Load.Document, doc, Base.Inventory, _catalog.DefaultDirPath);

    /// <summary>
    /// Applies <paramref name="edits"/> to <see cref="Current"/> and judges the result. <paramref name="after"/> is
    /// null when refused or when the edits change nothing (then nothing is to be staged).
    /// </summary>
    private EditResult TrialLocked(IReadOnlyList<PoolEdit> edits, out StorageConfDocument? after, out ChangeVerdict verdict)
    {
        after = null;
        verdict = _verdict;
        if (Base.Load.Status == LoadStatus.Unreadable && edits.Any(e => e is not ReplaceText))
        {
            // Editing "nothing" would replace a file that exists but cannot be shown (not UTF-8, no permission) with
            // just the new pool. Only a whole new text (restore, raw editor) may replace it.
            return EditResult.Refused(Diagnostic.Error(DiagnosticCodes.FileUnreadable,
                $"{_catalog.Store.Path} exists but cannot be read as text ({Base.Load.Problem?.Message}); pool edits would replace it. Fix the file, or restore an earlier version."));
        }
        var doc = Current ?? StorageConfDocument.Empty;
        var applied = PoolEditor.ApplyAll(doc, edits);
        if (!applied.Ok) return applied;
        var text = applied.Document!.ToText();
        if (text == doc.ToText()) return EditResult.Accepted(doc, []);
        verdict = JudgeLocked(applied.Document);
        var had = _verdict.Findings.Select(Identity).ToHashSet();
        var added = verdict.Findings.Where(d => !had.Contains(Identity(d))).ToList();
        if (edits.Any(e => e is not ReplaceText) && added.Any(d => d.IsError)) return EditResult.Refused(added.Where(d => d.IsError));
        after = applied.Document;
        return EditResult.Accepted(after, added);
    }

    private static (string, string?, string?) Identity(Diagnostic d) => (d.Code, d.Section, d.Key);

    private ApplyOutcome ApplyLocked(string session, string user, bool confirmed)
    {
        var diff = Diff();
        if (Current is null || !HasChanges) return new ApplyOutcome(null, diff, null, "There are no pending changes to apply.");
        // qubes.xml as it is now: a VM created since the draft was judged must stop the removal of its pool.
        Base = Base with { Inventory = QubesXmlReader.Read(_catalog.QubesXmlPath) };
        _verdict = JudgeLocked(Current);
        if (_verdict.Refusal is { } refusal) return new ApplyOutcome(null, diff, null, refusal);
        var unconfirmed = _verdict.NeedingConfirmation.Where(d => !_confirmed.Contains(d)).ToList();
        if (unconfirmed.Count > 0 && !confirmed)
        {
            return new ApplyOutcome(null, diff, null,
                "This change needs your confirmation before it is written: " + string.Join(" ", unconfirmed.Select(d => d.Message)));
        }
        var save = _catalog.Store.Save(CurrentText, Base.Load.Sha256);
        if (save.Status == SaveStatus.Conflict)
        {
            ChangedOnDisk = true;
            return new ApplyOutcome(save, diff,
                UnifiedDiff.Create(BaseText, save.CurrentText ?? "", "a/storage.conf (loaded)", "b/storage.conf (on disk now)"), null);
        }
        string? auditFailure = null;
        if (save.Status == SaveStatus.Saved && _audit is not null)
        {
            try
            {
                _audit.Append(new AuditEntry(DateTimeOffset.UtcNow, user, session, _catalog.Store.Path,
                    string.Join("; ", _edits.Select(e => e.Describe())), diff, save.Sha256));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The file is written: the change stands, and whoever applied it is told that it went unrecorded.
                auditFailure = ex.Message;
            }
        }
        if (save.Status is SaveStatus.Saved or SaveStatus.Unchanged) ReloadLocked(_catalog.Read());
        return new ApplyOutcome(save, diff, null, null, auditFailure);
    }
}
