using QubesPoolConsole.Core.Diagnostics;

namespace QubesPoolConsole.Core.Pools;

/// <summary>
/// What <see cref="ChangeJudge"/> found about a change of storage.conf: errors refuse it; warnings in
/// <see cref="NeedingConfirmation"/> must be confirmed before it is written; the other warnings are shown.
/// </summary>
/// <param name="Findings">Every finding, errors first, each with its own code.</param>
public sealed record ChangeVerdict(IReadOnlyList<Diagnostic> Findings)
{
    /// <summary>Nothing found (no change).</summary>
    public static ChangeVerdict None { get; } = new([]);

    /// <summary>The findings that refuse the change.</summary>
    public IReadOnlyList<Diagnostic> Errors => [.. Findings.Where(d => d.IsError)];

    /// <summary>True when the change must not be written.</summary>
    public bool HasErrors => Findings.Any(d => d.IsError);

    /// <summary>Warnings that a person must confirm before the change is written (a pool with VMs moves).</summary>
    public IReadOnlyList<Diagnostic> NeedingConfirmation => [.. Findings.Where(ChangeJudge.NeedsConfirmation)];

    /// <summary>Why the change must not be written, in one paragraph; null when it may.</summary>
    public string? Refusal
    {
        get
        {
            var errors = Errors;
            if (errors.Count == 0) return null;
            var listed = string.Join(" ", errors.Take(3).Select(d => (d.Line is { } l ? $"line {l}: " : "") + d.Message))
                         + (errors.Count > 3 ? $" … and {errors.Count - 3} more" : "");
            return $"The change has {errors.Count} error(s) ({listed}); fix them before applying.";
        }
    }
}
