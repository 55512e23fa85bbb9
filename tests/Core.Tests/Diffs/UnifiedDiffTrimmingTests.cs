using DiffPlex;
using DiffPlex.Chunkers;

namespace QubesPoolConsole.Core.Tests.Diffs;

/// <summary>
/// UnifiedDiff cuts the common leading and trailing lines before DiffPlex sees the texts (for speed on large
/// files). These prove the hunks are exactly those of DiffPlex run on the whole texts, ambiguous cases included.
/// </summary>
public class UnifiedDiffTrimmingTests
{
    // Few distinct lines, so that repeated lines make the diff ambiguous (where trimming could move a change).
    private static readonly string[] Lines = ["a\n", "b\n", "[p]\n", "x=1\n", "x=1\r\n", "\n", "x=1", "b"];

    private static readonly Gen<string> Line = Gen.Int[0, Lines.Length - 1].Select(i => Lines[i]);

    private static readonly Gen<string> Text = Line.Array[0, 12].Select(lines => string.Concat(lines));

    [Fact]
    public void AnyTwoTexts_Hunks_EqualDiffPlexOnTheWholeTexts()
    {
        Gen.Select(Text, Text).Sample(pair =>
        {
            var (oldText, newText) = pair;
            var expected = ReferenceHunks(oldText, newText);
            var actual = UnifiedDiff.Hunks(oldText, newText);
            Assert.Equal(Render(expected), Render(actual));
        }, iter: 20_000);
    }

    [Fact]
    public void AnyTextAndACharacterEdit_Hunks_EqualDiffPlexOnTheWholeTexts()
    {
        // Edits inside lines, of line endings and of single characters leave long common runs that end mid-line,
        // where the character-level trimming must back off to whole lines.
        Gen.Select(Text, Gen.Int[0, 200], Gen.Int[0, 3], Gen.Int[0, 5]).Sample(t =>
        {
            var (oldText, at, remove, insert) = t;
            int start = Math.Min(at, oldText.Length);
            int count = Math.Min(remove, oldText.Length - start);
            var newText = oldText.Remove(start, count).Insert(start, new[] { "", "\n", "x", "\r\n", "b\n", "=1" }[insert]);
            Assert.Equal(Render(ReferenceHunks(oldText, newText)), Render(UnifiedDiff.Hunks(oldText, newText)));
        }, iter: 20_000);
    }

    [Fact]
    public void OneLineChangedInALargeFile_GivesOneHunkWithThreeLinesOfContext()
    {
        var lines = Enumerable.Range(1, 5000).Select(i => $"line {i}\n").ToArray();
        var oldText = string.Concat(lines);
        lines[2499] = "changed\n";
        var newText = string.Concat(lines);

        var hunk = Assert.Single(UnifiedDiff.Hunks(oldText, newText));

        Assert.Equal("@@ -2497,7 +2497,7 @@", hunk.Header);
        Assert.Equal(["line 2500\n"], hunk.Lines.Where(l => l.Kind == DiffLineKind.Removed).Select(l => l.Text));
        Assert.Equal(["changed\n"], hunk.Lines.Where(l => l.Kind == DiffLineKind.Added).Select(l => l.Text));
    }

    private static string Render(IEnumerable<DiffHunk> hunks)
        => string.Join("|", hunks.Select(h => h.Header + ":" + string.Join(",", h.Lines.Select(l => $"{l.Kind}/{l.OldNumber}/{l.NewNumber}/{l.Text}"))));

    /// <summary>The hunks as UnifiedDiff made them before trimming: DiffPlex on every line of both texts.</summary>
    private static List<DiffHunk> ReferenceHunks(string oldText, string newText, int context = UnifiedDiff.Context)
    {
        var chunker = new CustomFunctionChunker(Split);
        var result = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, chunker);
        var a = result.PiecesOld;
        var b = result.PiecesNew;
        var blocks = result.DiffBlocks;
        var hunks = new List<DiffHunk>();
        int i = 0;
        while (i < blocks.Count)
        {
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

    private static string[] Split(string text)
    {
        var pieces = new List<string>();
        for (int start = 0; start < text.Length;)
        {
            int nl = text.IndexOf('\n', start);
            int end = nl < 0 ? text.Length : nl + 1;
            pieces.Add(text[start..end]);
            start = end;
        }
        return [.. pieces];
    }
}
