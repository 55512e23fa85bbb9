namespace QubesPoolConsole.Core.Tests.Diffs;

/// <summary>The diffs the console shows are real patches: git apply and GNU patch accept them and produce the new text.</summary>
public class UnifiedDiffTests
{
    /// <summary>A random edit of a random file: document edits (set/add/remove) or raw line changes, in any line ending.</summary>
    private static readonly Gen<(string Old, string New)> Edits =
        Gen.Select(ConfGen.AnyFile, Gen.Int[0, 5], Gen.Int[0, 1000], ConfGen.AnyLine.Array[1, 4], ConfGen.Eol, (text, op, n, newLines, eol) =>
        {
            var doc = StorageConfDocument.Parse(text);
            var sections = doc.Sections.Select(s => s.Name).Where(s => ConfSyntax.SectionNameProblem(s) is null).ToList();
            var lines = doc.Lines.Select(l => l.Text + l.Eol).ToList();
            string edited;
            switch (op)
            {
                case 0 when sections.Count > 0:
                    edited = doc.SetOption(sections[n % sections.Count], "dir_path", "/srv/edited" + n).ToText();
                    break;
                case 1 when sections.Count > 0:
                    edited = doc.RemoveSection(sections[n % sections.Count]).ToText();
                    break;
                case 2 when doc.FindSection("added") is null:
                    edited = doc.AddSection("added", [new("driver", "xen"), new("dir_path", "/srv/a")]).ToText();
                    break;
                case 3 when lines.Count > 0:
                    lines.RemoveAt(n % lines.Count);
                    edited = string.Concat(lines);
                    break;
                case 4:
                    lines.InsertRange(lines.Count == 0 ? 0 : n % (lines.Count + 1), newLines.Select(l => l + eol));
                    edited = string.Concat(lines);
                    break;
                default:
                    // Toggle the final newline, or change the ending of one line.
                    if (lines.Count == 0) { edited = "x"; break; }
                    int i = n % lines.Count;
                    var t = lines[i].TrimEnd('\n').TrimEnd('\r');
                    lines[i] = t + (lines[i].EndsWith("\r\n") ? "\n" : lines[i].EndsWith('\n') ? (i == lines.Count - 1 ? "" : "\r\n") : "\n");
                    edited = string.Concat(lines);
                    break;
            }
            return (text, edited);
        });

    [Fact]
    public void RandomEdits_DiffsAreAcceptedByGitApplyAndPatch_AndGiveTheNewText()
    {
        var git = Tools.Find("git");
        var patch = Tools.Find("patch");
        Assert.True(git is not null || patch is not null, "neither git nor patch is installed");
        var cases = Edits.Array[150].Single().Where(c => c.Old != c.New).ToList();
        var dir = Directory.CreateTempSubdirectory("qpc-diff-").FullName;
        try
        {
            int i = 0;
            foreach (var (oldText, newText) in cases)
            {
                var caseDir = Path.Combine(dir, (i++).ToString());
                Directory.CreateDirectory(caseDir);
                var diff = UnifiedDiff.Create(oldText, newText);
                File.WriteAllBytes(Path.Combine(caseDir, "change.patch"), Encoding.UTF8.GetBytes(diff));
                var file = Path.Combine(caseDir, "storage.conf");
                string context = $"old: {Json(oldText)}\nnew: {Json(newText)}\ndiff:\n{diff}";
                if (patch is not null)
                {
                    File.WriteAllBytes(file, Encoding.UTF8.GetBytes(oldText));
                    var run = Tools.Exec(patch, ["-p1", "--dry-run", "--batch", "-i", "change.patch"], caseDir);
                    Assert.True(run.ExitCode == 0, $"patch --dry-run rejected it: {run.Stdout}{run.Stderr}\n{context}");
                }
                if (git is not null)
                {
                    File.WriteAllBytes(file, Encoding.UTF8.GetBytes(oldText));
                    var check = Tools.Exec(git, ["apply", "--check", "change.patch"], caseDir);
                    Assert.True(check.ExitCode == 0, $"git apply --check rejected it: {check.Stderr}\n{context}");
                    var apply = Tools.Exec(git, ["apply", "change.patch"], caseDir);
                    Assert.True(apply.ExitCode == 0, apply.Stderr);
                    Assert.True(newText == Encoding.UTF8.GetString(File.ReadAllBytes(file)), $"git apply gave another text\n{context}");
                }
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void RandomEdits_HunksHaveThreeLinesOfContext()
    {
        Edits.Sample(c =>
        {
            var oldLines = StorageConfDocument.Parse(c.Old).Lines.Count;
            foreach (var h in UnifiedDiff.Hunks(c.Old, c.New))
            {
                int lead = h.Lines.TakeWhile(l => l.Kind == DiffLineKind.Unchanged).Count();
                int trail = h.Lines.AsEnumerable().Reverse().TakeWhile(l => l.Kind == DiffLineKind.Unchanged).Count();
                int oldEnd = h.OldStart - 1 + h.OldCount;
                Assert.True(lead == 3 || (lead < 3 && h.OldStart == 1), $"{lead} lines of context before a change at old line {h.OldStart + lead}");
                Assert.True(trail == 3 || (trail < 3 && oldEnd == oldLines), $"{trail} lines of context after a change ending at old line {oldEnd - trail}");
                Assert.Equal(h.OldCount, h.Lines.Count(l => l.Kind != DiffLineKind.Added));
                Assert.Equal(h.NewCount, h.Lines.Count(l => l.Kind != DiffLineKind.Removed));
            }
        }, iter: 2000);
    }

    [Fact]
    public void MissingFinalNewline_IsMarkedAsGnuDiffDoes()
    {
        var diff = UnifiedDiff.Create("[p]\nk=1", "[p]\nk=2");

        Assert.Equal("--- a/storage.conf\n+++ b/storage.conf\n@@ -1,2 +1,2 @@\n [p]\n-k=1\n\\ No newline at end of file\n+k=2\n\\ No newline at end of file\n", diff);
    }

    [Fact]
    public void CrlfLines_KeepTheirCarriageReturnInTheDiff()
    {
        var diff = UnifiedDiff.Create("[p]\r\nk=1\r\n", "[p]\r\nk=2\r\n");

        Assert.Contains("-k=1\r\n+k=2\r\n", diff);
    }

    [Fact]
    public void EqualTexts_GiveAnEmptyDiff()
    {
        Assert.Equal("", UnifiedDiff.Create("[p]\n", "[p]\n"));
        Assert.Empty(UnifiedDiff.Hunks("[p]\n", "[p]\n"));
    }

    [Fact]
    public void DistantChanges_GetSeparateHunks_CloseOnesShareOne()
    {
        var old = string.Concat(Enumerable.Range(1, 30).Select(i => $"l{i}\n"));
        var far = old.Replace("l2\n", "x\n").Replace("l20\n", "y\n");
        var near = old.Replace("l2\n", "x\n").Replace("l8\n", "y\n");

        Assert.Equal(2, UnifiedDiff.Hunks(old, far).Count);
        Assert.Single(UnifiedDiff.Hunks(old, near));
    }

    private static string Json(string s) => System.Text.Json.JsonSerializer.Serialize(s);
}
