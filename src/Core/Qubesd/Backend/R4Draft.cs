using System.Text;
using QubesPoolConsole.Core.Qubesd.Pools;
using QubesPoolConsole.Core.Qubesd.Wire;

namespace QubesPoolConsole.Core.Qubesd.Backend;

/// <summary>
/// Pending changes to qubesd's pools on top of the pools as read when the draft started. Staging is all or nothing
/// (a batch whose plan has errors is refused whole); <see cref="ApplyAsync"/> re-reads the pools, refuses when they
/// changed, and otherwise sends exactly the plan's calls in order, stopping at the first failure. Every change is made
/// under a lock and published as an immutable <see cref="R4DraftSnapshot"/>, so <see cref="Changed"/> may be raised
/// on any thread.
/// </summary>
public sealed class R4Draft
{
    /// <summary>Finding code: the pools could not be read, so nothing can be staged.</summary>
    public const string NotLoadedCode = "r4-draft-not-loaded";

    /// <summary>Finding code: an apply is running, so the draft cannot change.</summary>
    public const string ApplyingCode = "r4-draft-applying";

    /// <summary>Finding code: no staged change has that position.</summary>
    public const string NoSuchChangeCode = "r4-draft-no-such-change";

    private readonly Lock _gate = new();
    private readonly R4PoolReader _reader;
    private R4DraftSnapshot _snapshot;
    private bool _applying;

    /// <summary>A draft on <paramref name="start"/> (the pools as <paramref name="reader"/> read them), with nothing staged.</summary>
    public R4Draft(R4PoolReader reader, R4PoolsView start)
    {
        _reader = reader;
        _snapshot = Fresh(start);
    }

    /// <summary>Reads the pools and starts a draft on them.</summary>
    public static async Task<R4Draft> StartAsync(R4PoolReader reader, CancellationToken cancellationToken = default)
        => new(reader, await reader.ReadAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>The draft now: base, staged changes and plan.</summary>
    public R4DraftSnapshot Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>The pools as read when the draft (re)started.</summary>
    public R4PoolsView Base => Snapshot.Base;

    /// <summary>The staged changes, in order.</summary>
    public IReadOnlyList<R4PoolChange> Changes => Snapshot.Changes;

    /// <summary>The plan of the staged changes; null when the pools could not be read.</summary>
    public R4ChangePlan? Plan => Snapshot.Plan;

    /// <summary>True while <see cref="ApplyAsync"/> runs (the draft refuses changes meanwhile).</summary>
    public bool IsApplying { get { lock (_gate) return _applying; } }

    /// <summary>Raised after the draft changed (staged, removed, reverted, reloaded, applied), on the caller's thread.</summary>
    public event Action? Changed;

    /// <summary>Stages one change (see <see cref="StageRange"/>).</summary>
    public R4StageResult Stage(R4PoolChange change) => StageRange([change]);

    /// <summary>
    /// Stages <paramref name="batch"/> after the staged changes, all or nothing: when the plan of draft plus batch
    /// has an error finding, nothing is staged and the findings are returned.
    /// </summary>
    public R4StageResult StageRange(IEnumerable<R4PoolChange> batch)
    {
        var added = batch.ToList();
        R4StageResult result;
        lock (_gate)
        {
            result = TryReplaceLocked([.. _snapshot.Changes, .. added]);
        }
        if (result.Accepted) Changed?.Invoke();
        return result;
    }

    /// <summary>
    /// Removes the staged change at <paramref name="index"/> (0-based). Refused, with the findings, when the changes
    /// left would not plan without errors (e.g. removing the add a later set depends on).
    /// </summary>
    public R4StageResult Remove(int index)
    {
        R4StageResult result;
        lock (_gate)
        {
            var changes = _snapshot.Changes;
            if (index < 0 || index >= changes.Count)
                return Refused(NoSuchChangeCode, $"There is no staged change number {index + 1}; {changes.Count} are staged.");
            result = TryReplaceLocked([.. changes.Take(index), .. changes.Skip(index + 1)]);
        }
        if (result.Accepted) Changed?.Invoke();
        return result;
    }

    /// <summary>Drops every staged change (the base stays as read). Returns false while an apply runs.</summary>
    public bool Revert()
    {
        lock (_gate)
        {
            if (_applying) return false;
            _snapshot = Fresh(_snapshot.Base);
        }
        Changed?.Invoke();
        return true;
    }

    /// <summary>Drops every staged change and reads the pools again. Returns false (nothing changed) while an apply runs.</summary>
    public async Task<bool> ReloadAsync(CancellationToken cancellationToken = default)
    {
        var fresh = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            if (_applying) return false;
            _snapshot = Fresh(fresh);
        }
        Changed?.Invoke();
        return true;
    }

    /// <summary>
    /// Re-reads qubesd after something changed there (an <c>admin.Events</c> event): with nothing staged the draft
    /// moves onto the new pools; with changes staged it keeps its base and records how qubesd now differs
    /// (<see cref="R4DraftSnapshot.StaleBy"/>). Returns false (nothing changed) while an apply runs.
    /// </summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken = default)
        => Refresh(await _reader.ReadAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>As <see cref="RefreshAsync"/>, with a reading already made (one read serves every session's draft).</summary>
    public bool Refresh(R4PoolsView fresh)
    {
        lock (_gate)
        {
            if (_applying) return false;
            var snap = _snapshot;
            if (!snap.HasChanges) _snapshot = Fresh(fresh);
            else if (snap.Base.State is { } start && fresh.State is { } now)
                _snapshot = snap with { StaleBy = R4Staleness.Differences(start.Pools, now.Pools, start.Defaults, now.Defaults) };
            else return false;
        }
        Changed?.Invoke();
        return true;
    }

    /// <summary>
    /// Reads the pools again and re-plans the staged changes on them, keeping every change: refused (the draft
    /// unchanged, the findings returned) when the changes no longer plan without errors on what qubesd now holds.
    /// </summary>
    public async Task<R4StageResult> RebaseAsync(CancellationToken cancellationToken = default)
    {
        var fresh = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        R4StageResult result;
        lock (_gate)
        {
            if (_applying) return Refused(ApplyingCode, "An apply is running; the draft cannot change until it ends.");
            if (fresh.State is not { } state)
                return Refused(NotLoadedCode, $"The pools could not be re-read, so the changes stay on the old reading: {fresh.Error}");
            var changes = _snapshot.Changes;
            var plan = R4Planner.Plan(state, changes);
            if (plan.Findings.Any(f => f.IsError && f.Code != R4Codes.BatchEmpty)) return new R4StageResult(false, plan.Findings);
            _snapshot = new R4DraftSnapshot(fresh, changes, plan);
            result = new R4StageResult(true, [.. plan.Findings.Where(f => !f.IsError)]);
        }
        Changed?.Invoke();
        return result;
    }

    /// <summary>
    /// Re-reads the pools and refuses (nothing sent) when they differ from the draft's base; otherwise sends the
    /// plan's calls in order through the client, stops at the first failure, and never retries. After a run the
    /// draft restarts from a fresh read with nothing staged (the steps that did not run are in the outcome).
    /// </summary>
    public Task<R4ApplyOutcome> ApplyAsync(CancellationToken cancellationToken = default) => ApplyAsync(null, cancellationToken);

    /// <summary>
    /// As <see cref="ApplyAsync(CancellationToken)"/>, and journals a run that sent anything in
    /// <paramref name="audit"/>'s log. A journal that cannot be written does not undo the run:
    /// <see cref="R4ApplyOutcome.AuditFailure"/> says why.
    /// </summary>
    public async Task<R4ApplyOutcome> ApplyAsync(R4ApplyAudit? audit, CancellationToken cancellationToken = default)
    {
        var outcome = await ApplyUnjournalledAsync(cancellationToken).ConfigureAwait(false);
        if (audit is null || audit.EntryFor(outcome, _reader.Client.SocketPath) is not { } entry)
            return outcome;
        try
        {
            audit.Log.Append(entry);
            return outcome;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return outcome with { AuditFailure = $"The change was made, but its audit entry could not be written: {e.Message}" };
        }
    }

    private async Task<R4ApplyOutcome> ApplyUnjournalledAsync(CancellationToken cancellationToken)
    {
        R4DraftSnapshot snap;
        lock (_gate)
        {
            snap = _snapshot;
            if (_applying) return Refusal(snap, "Another apply of this draft is running; nothing was sent.", []);
            if (!snap.HasChanges || snap.Plan is null) return Refusal(snap, "Nothing is staged; there is nothing to apply.", []);
            if (snap.Plan.IsRefused) return Refusal(snap, "The plan has errors, so nothing was sent.", snap.Plan.Findings);
            _applying = true;
        }
        try
        {
            var now = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (!now.IsLoaded) return Refusal(snap, $"The pools could not be re-read before apply, so nothing was sent: {now.Error}", []);
            var start = snap.Base.State!;
            var changes = R4Staleness.Differences(start.Pools, now.State.Pools, start.Defaults, now.State.Defaults);
            if (changes.Count > 0)
            {
                return new R4ApplyOutcome(R4ApplyStatus.Stale, NotRun(snap.Plan.Steps),
                    $"The pools changed since this draft was started, so nothing was sent: {string.Join("; ", changes)}.", [], changes, null);
            }

            var outcomes = await RunAsync(snap.Plan.Steps, cancellationToken).ConfigureAwait(false);
            // The after-read must happen even when the caller cancelled: the draft has to restart from what qubesd now holds.
            var after = await _reader.ReadAsync(CancellationToken.None).ConfigureAwait(false);
            lock (_gate) _snapshot = Fresh(after);
            var failed = outcomes.FirstOrDefault(o => o.Status == R4StepStatus.Failed);
            var ran = outcomes.Count(o => o.Status == R4StepStatus.Ran);
            var message = failed is null
                ? $"All {ran} steps ran."
                : $"Step {failed.Step.Number} failed ({failed.Step.Command}): {failed.Message?.TrimEnd('.')}. {ran} step(s) before it ran; {outcomes.Count - ran - 1} step(s) after it were not sent and were dropped from the draft.";
            return new R4ApplyOutcome(failed is null ? R4ApplyStatus.Applied : R4ApplyStatus.Failed, outcomes, message, [], [], after)
            {
                PlannedDiff = snap.Plan.Diff,
            };
        }
        finally
        {
            lock (_gate) _applying = false;
            Changed?.Invoke();
        }
    }

    private async Task<IReadOnlyList<R4StepOutcome>> RunAsync(IReadOnlyList<R4PlanStep> steps, CancellationToken cancellationToken)
    {
        var outcomes = new List<R4StepOutcome>();
        foreach (var step in steps)
        {
            if (outcomes.Count > 0 && outcomes[^1].Status != R4StepStatus.Ran)
            {
                outcomes.Add(new R4StepOutcome(step, R4StepStatus.NotRun, null));
                continue;
            }
            var call = step.Call;
            var reply = await _reader.Client.CallAsync(call.Method, call.Arg, call.Dest, Encoding.UTF8.GetBytes(call.Payload),
                cancellationToken: cancellationToken).ConfigureAwait(false);
            outcomes.Add(new R4StepOutcome(step, reply.IsOk ? R4StepStatus.Ran : R4StepStatus.Failed, reply));
        }
        return outcomes;
    }

    private R4StageResult TryReplaceLocked(IReadOnlyList<R4PoolChange> changes)
    {
        if (_applying) return Refused(ApplyingCode, "An apply is running; the draft cannot change until it ends.");
        if (_snapshot.Base.State is not { } state)
            return Refused(NotLoadedCode, $"The pools could not be read, so nothing can be staged: {_snapshot.Base.Error}");
        var plan = R4Planner.Plan(state, changes);
        // An emptied draft is not an error here; only apply needs something staged.
        if (plan.Findings.Any(f => f.IsError && f.Code != R4Codes.BatchEmpty)) return new R4StageResult(false, plan.Findings);
        _snapshot = new R4DraftSnapshot(_snapshot.Base, changes, plan) { StaleBy = changes.Count > 0 ? _snapshot.StaleBy : [] };
        return new R4StageResult(true, [.. plan.Findings.Where(f => !f.IsError)]);
    }

    private static R4DraftSnapshot Fresh(R4PoolsView view)
        => new(view, [], view.State is { } state ? R4Planner.Plan(state, []) : null);

    private static R4StageResult Refused(string code, string message) => new(false, [R4Finding.Error(code, message)]);

    private static IReadOnlyList<R4StepOutcome> NotRun(IReadOnlyList<R4PlanStep> steps)
        => [.. steps.Select(s => new R4StepOutcome(s, R4StepStatus.NotRun, null))];

    private static R4ApplyOutcome Refusal(R4DraftSnapshot snap, string message, IReadOnlyList<R4Finding> findings)
        => new(R4ApplyStatus.Refused, snap.Plan is { } plan ? NotRun(plan.Steps) : [], message, findings, [], null);
}
