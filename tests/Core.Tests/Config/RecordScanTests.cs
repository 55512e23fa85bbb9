using QubesPoolConsole.Core.Tests.Reliability;

namespace QubesPoolConsole.Core.Tests.Config;

/// <summary>
/// The document scans lines into records and builds line objects and merged sections only when asked: these prove it
/// reads every document exactly as the straightforward classifier (<see cref="ReferenceClassifier"/>) does.
/// </summary>
public class RecordScanTests
{
    [Fact]
    public void GeneratedDialectFiles_AreReadAsTheReferenceClassifierReadsThem()
    {
        ConfGen.AnyFile.Sample(text => Assert.Equal(ReferenceClassifier.Describe(text), Describe(StorageConfDocument.Parse(text))), iter: 5000);
    }

    [Fact]
    public void GeneratedCharacterSoup_IsReadAsTheReferenceClassifierReadsIt()
    {
        ConfGen.Soup.Sample(text => Assert.Equal(ReferenceClassifier.Describe(text), Describe(StorageConfDocument.Parse(text))), iter: 5000);
    }

    [Fact]
    public void BadInputCorpusAndFixtures_AreReadAsTheReferenceClassifierReadsThem()
    {
        var texts = BadConfCorpus.All.Where(c => !c.Key.Contains("MB") && !c.Key.Contains("100,000") && !c.Key.Contains("100000"))
            .Select(c => Encoding.UTF8.GetString(c.Value.Bytes()))
            .Concat(Directory.EnumerateFiles(TestFixtures.Directory).Select(f => Encoding.UTF8.GetString(File.ReadAllBytes(f))));
        int count = 0;
        foreach (var text in texts)
        {
            Assert.Equal(ReferenceClassifier.Describe(text), Describe(StorageConfDocument.Parse(text)));
            count++;
        }
        Assert.True(count > 200, $"only {count} texts compared");
    }

    [Fact]
    public void EditedDocuments_AreReadAsTheReferenceClassifierReadsTheirText()
    {
        // The edits build new documents from records (value change) or from line objects (the others).
        Gen.Select(ConfGen.AnyFile, Gen.Int[0, 3], Gen.Int[0, 5]).Sample(t =>
        {
            var (text, edit, pick) = t;
            var document = StorageConfDocument.Parse(text);
            var names = document.Sections.Select(s => s.Name).ToList();
            if (names.Count == 0) return;
            var section = names[pick % names.Count];
            var key = document.FindSection(section)!.Options.Keys.FirstOrDefault() ?? "dir_path";
            if (ConfSyntax.KeyProblem(key) is not null) return;
            var edited = edit switch
            {
                0 => document.SetOption(section, key, "/srv/new"),
                1 => document.RemoveOption(section, key),
                2 => document.RemoveSection(section),
                _ => ConfSyntax.SectionNameProblem("added") is null && document.FindSection("added") is null
                    ? document.AddSection("added", [new("driver", "xen")]) : document,
            };
            Assert.Equal(ReferenceClassifier.Describe(edited.ToText()), Describe(edited));
        }, iter: 5000);
    }

    [Fact]
    public void ManyThreads_FirstAskingForSections_AllGetTheSameObjects()
    {
        var text = string.Concat(Enumerable.Range(0, 2000).Select(i => $"[pool{i}]\ndriver=xen\ndir_path=/p/{i}\n"));
        for (int round = 0; round < 20; round++)
        {
            var document = StorageConfDocument.Parse(text);
            var seen = new ConfSection?[8];
            var lines = new IReadOnlyList<ConfLine>[8];
            Parallel.For(0, 8, i => (seen[i], lines[i]) = (document.FindSection("pool1999"), document.Lines));
            Assert.All(seen, s => Assert.Same(seen[0], s));
            Assert.All(lines, l => Assert.Same(lines[0], l));
            Assert.Equal("/p/1999", seen[0]!.Options["dir_path"].Value);
        }
    }

    private static string Describe(StorageConfDocument d)
    {
        var lines = d.Lines.Select(l => $"{l.Number}:{l.Kind}:{l.Section}:{l.Key}:{l.Value}:{l.ValueStart}:{l.ValueEnd}:{l.Text}{l.Eol}");
        var sections = d.Sections.Append(d.Defaults).OfType<ConfSection>().Select(s =>
            $"[{s.Name}]{string.Join(",", s.HeaderLines)}:{string.Join(";", s.Options.Select(o => $"{o.Key}={o.Value.Value}@{o.Value.Line}x{o.Value.Occurrences}"))}");
        var diagnostics = d.SyntaxDiagnostics.Select(x => $"{x.Line}:{(x.IsError ? "error" : "warning")}:{x.Code}:{x.Section}:{x.Key}");
        return string.Join("\n", lines.Concat(sections).Concat(diagnostics)) + "\n" + d.IsReadableByQubes;
    }
}
