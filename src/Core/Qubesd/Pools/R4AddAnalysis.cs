namespace QubesPoolConsole.Core.Qubesd.Pools;

/// <summary>What checking an add request found, and what it would send and store if allowed.</summary>
/// <param name="Findings">Errors (not sent) and warnings.</param>
/// <param name="Sent">The options as they would be sent (values normalised, e.g. booleans as True/False), in request order.</param>
/// <param name="Call">The Add call.</param>
/// <param name="Result">The pool qubesd would hold afterwards (its <c>&lt;pool&gt;</c> element), or null when refused.</param>
public sealed record R4AddAnalysis(IReadOnlyList<R4Finding> Findings, IReadOnlyList<KeyValuePair<string, string>> Sent, PlannedCall Call, R4Pool? Result)
{
    /// <summary>True when no finding is an error.</summary>
    public bool IsAllowed => !Findings.Any(f => f.IsError);
}
