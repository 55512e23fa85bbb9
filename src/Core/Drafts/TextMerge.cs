using DiffPlex;
using DiffPlex.Chunkers;
using QubesPoolConsole.Core.Diffs;

namespace QubesPoolConsole.Core.Drafts;

/// <summary>
/// Three-way merge of whole texts, line by line (with line endings): replays a whole-text edit (raw editor,
/// restore) made against one version of the file onto a newer one, as long as the two changed different lines.
/// </summary>
public static class TextMerge
{
    private static readonly IChunker LinesWithEndings = new CustomFunctionChunker(UnifiedDiff.SplitKeepingEndings);

    /// <summary>
    /// Merges the change <paramref name="baseText"/> → <paramref name="mine"/> into <paramref name="theirs"/>;
    /// null when both changed the same or neighbouring lines (a conflict the user must resolve; like git, touching
    /// changes count as a conflict, because the order of the result would be a guess).
    /// </summary>
    public static string? Merge(string baseText, string mine, string theirs)
    {
        if (mine == baseText) return theirs;
        if (theirs == baseText || theirs == mine) return mine;
        var baseLines = UnifiedDiff.SplitKeepingEndings(baseText);
        var ours = Changes(baseText, mine);
        var others = Changes(baseText, theirs);
        var all = new List<Change>(ours);
        foreach (var o in others)
        {
            if (ours.Any(m => m.SameAs(o))) continue;
            if (ours.Any(m => m.Touches(o))) return null;
            all.Add(o);
        }
        all.Sort((a, b) => a.Start.CompareTo(b.Start));
        var sb = new System.Text.StringBuilder();
        int at = 0;
        foreach (var c in all)
        {
            for (; at < c.Start; at++) sb.Append(baseLines[at]);
            foreach (var line in c.Inserted) sb.Append(line);
            at += c.Deleted;
        }
        for (; at < baseLines.Length; at++) sb.Append(baseLines[at]);
        return sb.ToString();
    }

    private static List<Change> Changes(string from, string to)
    {
        var diff = Differ.Instance.CreateDiffs(from, to, ignoreWhiteSpace: false, ignoreCase: false, LinesWithEndings);
        return diff.DiffBlocks
            .Select(b => new Change(b.DeleteStartA, b.DeleteCountA, diff.PiecesNew.Skip(b.InsertStartB).Take(b.InsertCountB).ToArray()))
            .ToList();
    }

    /// <summary>Base lines [Start, Start+Deleted) replaced by <see cref="Inserted"/>.</summary>
    private sealed record Change(int Start, int Deleted, string[] Inserted)
    {
        private int End => Start + Deleted;

        public bool SameAs(Change other) => Start == other.Start && Deleted == other.Deleted && Inserted.SequenceEqual(other.Inserted);

        public bool Touches(Change other) => Start <= other.End && other.Start <= End;
    }
}
