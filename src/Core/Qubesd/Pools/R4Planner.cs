using QubesPoolConsole.Core.Diffs;

namespace QubesPoolConsole.Core.Qubesd.Pools;

/// <summary>
/// Turns a staged batch into its <see cref="R4ChangePlan"/>: each step is checked against the state the steps
/// before it leave (so "remove, then make it the default" is caught), then the batch as a whole.
/// </summary>
public static class R4Planner
{
    /// <summary>Name of the before side of the pool-table diff (the pool part of qubes.xml, as <see cref="R4PoolXml"/> renders it).</summary>
    public const string BeforeName = "a/pools.xml";

    /// <summary>Name of the after side of the pool-table diff.</summary>
    public const string AfterName = "b/pools.xml";

    /// <summary>The plan for <paramref name="changes"/> applied in order to <paramref name="start"/>.</summary>
    public static R4ChangePlan Plan(R4PoolState start, IReadOnlyList<R4PoolChange> changes)
    {
        var state = start;
        var steps = new List<R4PlanStep>();
        var removedAt = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < changes.Count; i++)
        {
            var (step, next) = Step(i + 1, changes[i], state, removedAt);
            steps.Add(step);
            if (changes[i].Kind == R4ChangeKind.RemovePool && state.Pools.Contains(changes[i].Pool!)) removedAt[changes[i].Pool!] = i + 1;
            if (changes[i].Kind == R4ChangeKind.AddPool) removedAt.Remove(changes[i].Pool!);
            state = next;
        }
        var findings = steps.SelectMany(s => s.Findings).Concat(BatchFindings(changes)).ToList();
        var before = R4PoolXml.Render(start.Pools, start.Defaults);
        var after = R4PoolXml.Render(state.Pools, state.Defaults);
        return new R4ChangePlan(steps, findings, before, after, UnifiedDiff.Create(before, after, BeforeName, AfterName), state);
    }

    private static (R4PlanStep Step, R4PoolState Next) Step(int n, R4PoolChange change, R4PoolState state, Dictionary<string, int> removedAt)
    {
        IReadOnlyList<R4Finding> findings;
        IReadOnlyList<string> argv;
        PlannedCall call;
        IReadOnlyList<string> effects = [];
        var next = state;
        var pool = change.Pool ?? "";
        switch (change.Kind)
        {
            case R4ChangeKind.AddPool:
                {
                    var request = change.Add!;
                    var analysis = R4PoolValidator.AnalyseAdd(request, state);
                    findings = analysis.Findings;
                    argv = R4Commands.Add(request.Name, request.Driver, analysis.Sent);
                    call = analysis.Call;
                    if (analysis.Result is { } result) effects = R4SideEffects.OfAdd(result, analysis.Sent, state);
                    // Even a refused add is assumed to happen, so later steps on the pool are not reported again.
                    if (!state.Pools.Contains(request.Name) && request.Name.Length > 0)
                    {
                        var added = analysis.Result ?? new R4Pool(request.Name, request.Driver, analysis.Sent.ToDictionary(o => o.Key, o => o.Value));
                        next = state with { Pools = state.Pools.With(added), Defaults = state.Defaults.AfterAdd(request.Name) };
                    }
                    break;
                }
            case R4ChangeKind.SetPoolOption:
                {
                    var option = change.Option!;
                    var (found, sent) = R4PoolValidator.AnalyseSet(pool, option, change.Value!, state);
                    findings = Explain(found, pool, removedAt);
                    argv = R4Commands.Set(pool, option, sent);
                    call = R4Calls.Set(pool, option, sent);
                    if (!found.Any(f => f.IsError))
                    {
                        effects = R4SideEffects.OfSet(pool, option, sent, state);
                        next = state with { Pools = state.Pools.With(state.Pools.Find(pool)!.With(option, sent)) };
                    }
                    break;
                }
            case R4ChangeKind.RemovePool:
                {
                    findings = Explain(R4PoolValidator.ValidateRemove(pool, state), pool, removedAt);
                    argv = R4Commands.Remove(pool);
                    call = R4Calls.Remove(pool);
                    if (state.Pools.Find(pool) is { } target)
                    {
                        effects = R4SideEffects.OfRemove(target, state);
                        next = state with { Pools = state.Pools.Without(pool), Volumes = [.. state.Volumes.Where(v => v.Pool != pool)] };
                    }
                    break;
                }
            case R4ChangeKind.SetDefaultPool:
                {
                    var property = change.Option!;
                    findings = Explain(R4PoolValidator.ValidateSetDefault(property, pool, state), pool, removedAt);
                    argv = R4Commands.SetProperty(property, pool);
                    call = R4Calls.SetProperty(property, pool);
                    if (!findings.Any(f => f.IsError))
                    {
                        effects = R4SideEffects.OfSetDefault(property, pool, state);
                        next = state with { Defaults = state.Defaults.Set(property, pool) };
                    }
                    break;
                }
            default:
                {
                    var property = change.Option!;
                    findings = R4PoolValidator.ValidateResetDefault(property);
                    argv = R4Commands.ResetProperty(property);
                    call = R4Calls.ResetProperty(property);
                    if (!findings.Any(f => f.IsError))
                    {
                        effects = R4SideEffects.OfReset(property, state);
                        next = state with { Defaults = state.Defaults.Reset(property, state.Pools) };
                    }
                    break;
                }
        }
        var numbered = findings.Select(f => f with { Step = n }).ToList();
        return (new R4PlanStep(n, change, argv, ShellWords.Join(argv), call, effects, numbered), next);
    }

    // A pool the batch removed earlier gets a sentence saying so instead of a bare "no such pool".
    private static IReadOnlyList<R4Finding> Explain(IReadOnlyList<R4Finding> findings, string pool, Dictionary<string, int> removedAt)
        => [.. findings.Select(f => f.Code == R4Codes.PoolNotFound && removedAt.TryGetValue(pool, out var at)
            ? f with { Message = $"Pool {pool} no longer exists at this point: step {at} removes it. Reorder the steps or drop one." }
            : f)];

    private static IEnumerable<R4Finding> BatchFindings(IReadOnlyList<R4PoolChange> changes)
    {
        if (changes.Count == 0)
        {
            yield return R4Finding.Error(R4Codes.BatchEmpty, "Nothing is staged; there is nothing to apply.");
            yield break;
        }
        for (int i = 0; i < changes.Count; i++)
        {
            if (changes[i].Kind != R4ChangeKind.AddPool) continue;
            var name = changes[i].Pool!;
            for (int j = i + 1; j < changes.Count && !(changes[j].Kind == R4ChangeKind.AddPool && changes[j].Pool == name); j++)
            {
                if (changes[j].Kind == R4ChangeKind.RemovePool && changes[j].Pool == name)
                {
                    yield return R4Finding.Error(R4Codes.AddThenRemove,
                        $"Step {i + 1} adds pool {name} and step {j + 1} removes it again: no pool remains, but what the add created (directories, a dataset) stays behind. Drop both steps.", name) with
                    { Step = j + 1 };
                    break;
                }
            }
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < changes.Count; i++)
        {
            var c = changes[i];
            var key = c.Kind switch
            {
                R4ChangeKind.SetPoolOption => $"set {c.Pool} {c.Option}",
                R4ChangeKind.SetDefaultPool or R4ChangeKind.ResetDefaultPool => $"default {c.Option}",
                _ => null,
            };
            if (key is null) continue;
            if (seen.TryGetValue(key, out var first))
            {
                yield return R4Finding.Warning(R4Codes.RepeatedStep,
                    $"Steps {first} and {i + 1} both change {c.Option}{(c.Kind == R4ChangeKind.SetPoolOption ? $" of {c.Pool}" : "")}; only the last one counts.", c.Pool, c.Option) with
                { Step = i + 1 };
            }
            seen[key] = i + 1;
        }
    }
}
