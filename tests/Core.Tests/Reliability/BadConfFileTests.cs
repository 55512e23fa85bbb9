namespace QubesPoolConsole.Core.Tests.Reliability;

/// <summary>
/// Each bad storage.conf: loaded and validated as the console does, then an edit is tried through a draft. The specific
/// finding is reported with its line and a short sentence, nothing is written, and no file in the folder changes.
/// </summary>
public class BadConfFileTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var name in BadConfCorpus.All.Keys) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void BadFile_IsReportedPrecisely_AndNothingChanges(string name)
    {
        var c = BadConfCorpus.All[name];
        var bytes = c.Bytes();
        using var box = new TempConsoleFiles(bytes, "<QubesVmCollection/>");
        var before = box.Snapshot();

        var load = box.Store.Load();
        IReadOnlyList<Diagnostic> found = load.Document is { } doc ? PoolRules.Validate(doc) : [load.Problem!];

        var d = found.FirstOrDefault(x => x.Code == c.Code);
        Assert.True(d is not null, $"{name}: expected {c.Code}, got {string.Join("; ", found.Select(f => f.Code + "@" + f.Line))}");
        if (c.Line is { } line) Assert.Equal(line, d.Line);
        Assert.Contains(c.Words, d.Message);
        Assert.Equal(c.IsError, d.IsError);
        Assert.All(found, f => Assert.InRange(f.Message.Length, 20, 600));
        if (load.Document is { } loaded)
        {
            Assert.True(loaded.ToText() == System.Text.Encoding.UTF8.GetString(bytes), "the document is not the file's exact text");
        }

        if (load.Document is not { IsReadableByQubes: true })
        {
            // A file Qubes (or the console) cannot read: a user's pool edit must not write it, nor a replacement for it.
            // (A readable file with a broken pool may take edits that add no error; other tests cover that.)
            var draft = new PoolDraft(box.Catalog);
            var add = draft.Add(AddPool.Xen("probe", "/srv/probe"));
            if (add.Ok)
            {
                var outcome = draft.Apply("session", "tester");
                Assert.False(outcome.Applied, $"{name}: the draft was written: {outcome.Save?.Message}");
            }
            else
            {
                Assert.NotEmpty(add.Errors);
            }
        }
        Assert.Equal(before, box.Snapshot());
    }

    [Fact]
    public void Corpus_HasAtLeast100DistinctFiles()
    {
        var distinct = BadConfCorpus.All.Values.Where(c => c.Bytes().Length < 1_000_000)
            .Select(c => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(c.Bytes()))).Distinct().Count();
        Assert.True(distinct >= 100, $"{distinct} distinct small files");
    }
}
