namespace QubesPoolConsole.Core.Diffs;

/// <summary>One hunk of a unified diff; starts are 1-based as in the <c>@@</c> header.</summary>
public sealed record DiffHunk(int OldStart, int OldCount, int NewStart, int NewCount, IReadOnlyList<DiffLine> Lines)
{
    /// <summary>The <c>@@ -a,b +c,d @@</c> header.</summary>
    public string Header => $"@@ -{UnifiedDiff.Range(OldStart, OldCount)} +{UnifiedDiff.Range(NewStart, NewCount)} @@";
}
