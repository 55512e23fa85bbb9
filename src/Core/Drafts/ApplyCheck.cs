using QubesPoolConsole.Core.Config;
using QubesPoolConsole.Core.Diagnostics;
using QubesPoolConsole.Core.Pools;

namespace QubesPoolConsole.Core.Drafts;

/// <summary>
/// The last check before a draft is written: Qubes must be able to read the new text, and it must not have
/// errors that the file on disk did not already have (so a partial repair of a broken file may still be applied,
/// but nothing the console writes makes the file worse).
/// </summary>
public static class ApplyCheck
{
    /// <summary>Why <paramref name="after"/> must not replace <paramref name="before"/> (null when it may).</summary>
    public static string? Refusal(StorageConfDocument? before, StorageConfDocument after)
    {
        var all = PoolRules.Validate(after).Where(d => d.IsError).ToList();
        if (!after.IsReadableByQubes)
        {
            var syntax = after.SyntaxDiagnostics.Where(d => d.IsError).ToList();
            return $"Qubes could not read the new text ({syntax.Count} error(s); {Describe(syntax)}); fix them before applying.";
        }
        var old = before is null ? [] : PoolRules.Validate(before).Where(d => d.IsError).Select(Identity).ToHashSet();
        var fresh = all.Where(d => !old.Contains(Identity(d))).ToList();
        return fresh.Count == 0
            ? null
            : $"The new text has {fresh.Count} error(s) that Qubes would fail on ({Describe(fresh)}); fix them before applying.";
    }

    private static string Describe(IReadOnlyList<Diagnostic> errors)
        => string.Join(" ", errors.Take(3).Select(d => (d.Line is { } l ? $"line {l}: " : "") + d.Message))
           + (errors.Count > 3 ? $" … and {errors.Count - 3} more" : "");

    private static (string, string?, string?) Identity(Diagnostic d) => (d.Code, d.Section, d.Key);
}
