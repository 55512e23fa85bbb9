using System.Text;
using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.Model;

namespace QubesPoolConsole.Core.Diffs;

/// <summary>
/// Unified diffs (<c>diff -u</c>) that <c>git apply</c> and <c>patch</c> accept. DiffPlex finds the changed
/// lines; lines are compared with their line endings, so a changed or missing final newline is a real change
/// and is marked with <c>\ No newline at end of file</c>, as GNU diff does.
/// </summary>
public static class UnifiedDiff
{
    /// <summary>Lines of unchanged context around each change.</summary>
    public const int Context = 3;

    private static readonly IChunker LinesWithEndings = new CustomFunctionChunker(SplitKeepingEndings);

    /// <summary>The unified diff from <paramref name="oldText"/> to <paramref name="newText"/>; empty when equal.</summary>
    public static string Create(string oldText, string newText, string oldName = "a/storage.conf", string newName = "b/storage.conf")
    {
        if (string.Equals(oldText, newText, StringComparison.Ordinal)) return "";
        var hunks = Hunks(oldText, newText);
        var sb = new StringBuilder();
        sb.Append("--- ").Append(oldName).Append('\n');
        sb.Append("+++ ").Append(newName).Append('\n');
        foreach (var hunk in hunks)
        {
            sb.Append(hunk.Header).Append('\n');
            foreach (var line in hunk.Lines)
            {
                sb.Append(line.Kind switch { DiffLineKind.Added => '+', DiffLineKind.Removed => '-', _ => ' ' });
                sb.Append(line.Text);
                if (line.Text.EndsWith('\n')) continue;
                sb.Append("\n\\ No newline at end of file\n");
            }
        }
        return sb.ToString();
    }

    /// <summary>The hunks, for rendering (each line keeps its own ending in <see cref="DiffLine.Text"/>).</summary>
    public static IReadOnlyList<DiffHunk> Hunks(string oldText, string newText, int context = Context)
    {
        var trim = Trim.Of(oldText, newText);
        var blocks = ChangedBlocks(oldText, newText, trim);
        if (blocks.Count == 0) return [];
        var a = new LineWindow(oldText, trim.PrefixChars, trim.PrefixLines, trim.SuffixLines, context);
        var b = new LineWindow(newText, trim.PrefixChars, trim.PrefixLines, trim.SuffixLines, context);
        var hunks = new List<DiffHunk>();
        int i = 0;
        while (i < blocks.Count)
        {
            // Merge blocks whose unchanged gap is small enough for the contexts to touch.
            int j = i;
            while (j + 1 < blocks.Count && blocks[j + 1].DeleteStartA - (blocks[j].DeleteStartA + blocks[j].DeleteCountA) <= 2 * context) j++;
            int oldStart = Math.Max(0, blocks[i].DeleteStartA - context);
            int newStart = Math.Max(0, blocks[i].InsertStartB - context);
            int oldEnd = Math.Min(a.Count, blocks[j].DeleteStartA + blocks[j].DeleteCountA + context);
            var lines = new List<DiffLine>();
            int ai = oldStart, bi = newStart;
            for (int k = i; k <= j; k++)
            {
                var blk = blocks[k];
                while (ai < blk.DeleteStartA) { lines.Add(new DiffLine(DiffLineKind.Unchanged, a[ai], ai + 1, bi + 1)); ai++; bi++; }
                for (int d = 0; d < blk.DeleteCountA; d++) { lines.Add(new DiffLine(DiffLineKind.Removed, a[ai], ai + 1, null)); ai++; }
                for (int n = 0; n < blk.InsertCountB; n++) { lines.Add(new DiffLine(DiffLineKind.Added, b[bi], null, bi + 1)); bi++; }
            }
            while (ai < oldEnd && bi < b.Count) { lines.Add(new DiffLine(DiffLineKind.Unchanged, a[ai], ai + 1, bi + 1)); ai++; bi++; }
            hunks.Add(new DiffHunk(oldStart + 1, ai - oldStart, newStart + 1, bi - newStart, lines));
            i = j + 1;
        }
        return hunks;
    }

    /// <summary>
    /// DiffPlex's blocks, with line numbers of the whole texts. The common leading and trailing lines are cut off
    /// before DiffPlex sees the texts: its Myers implementation cuts exactly those first (the same greedy prefix,
    /// then suffix, compared by exact line text), so the blocks are the same, but a one-line edit of a large file
    /// no longer splits, hashes and compares every line.
    /// </summary>
    private static List<DiffBlock> ChangedBlocks(string oldText, string newText, Trim trim)
    {
        var result = Differ.Instance.CreateDiffs(
            oldText.Substring(trim.PrefixChars, oldText.Length - trim.PrefixChars - trim.SuffixChars),
            newText.Substring(trim.PrefixChars, newText.Length - trim.PrefixChars - trim.SuffixChars),
            ignoreWhiteSpace: false, ignoreCase: false, LinesWithEndings);
        var blocks = new List<DiffBlock>(result.DiffBlocks.Count);
        foreach (var blk in result.DiffBlocks)
        {
            blocks.Add(new DiffBlock(blk.DeleteStartA + trim.PrefixLines, blk.DeleteCountA, blk.InsertStartB + trim.PrefixLines, blk.InsertCountB));
        }
        return blocks;
    }

    internal static string Range(int start, int count)
        => count switch
        {
            0 => $"{start - 1},0",
            1 => $"{start}",
            _ => $"{start},{count}",
        };

    /// <summary>Splits text into lines that keep their own endings (the last may have none).</summary>
    internal static string[] SplitKeepingEndings(string text)
    {
        var pieces = new List<string>();
        int start = 0;
        while (start < text.Length)
        {
            int nl = text.IndexOf('\n', start);
            int end = nl < 0 ? text.Length : nl + 1;
            pieces.Add(text[start..end]);
            start = end;
        }
        return [.. pieces];
    }
}
