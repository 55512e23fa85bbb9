namespace QubesPoolConsole.Core.Tests.Pools;

/// <summary>
/// The effective-pool model and dir_path normalisation skip work in the common case (for speed on large files).
/// These prove they give exactly what the straightforward versions below give.
/// </summary>
public class FastPathEquivalenceTests
{
    private static readonly string[] LineTexts =
    [
        "[default]", "[a]", "[b]", "[DEFAULT]", "driver=xen", "class=qubes.storage.xen.XenPool", "dir_path=/x", "dir_path = /y/",
        "k=v", "vm=1", "driver=lvm", "", "# c",
    ];

    private static readonly Gen<string> Document = Gen.Int[0, LineTexts.Length - 1].Array[0, 14]
        .Select(ix => string.Concat(ix.Select(i => LineTexts[i] + "\n")));

    private static readonly Gen<string> Path = Gen.Int[0, 6].Array[0, 6]
        .Select(ix => string.Concat(ix.Select(i => new[] { "/", "a", ".", "..", "/", "b c", "//" }[i])));

    [Fact]
    public void AnyDocument_Build_EqualsMergingEveryPoolThroughADictionary()
    {
        Document.Sample(text =>
        {
            var document = StorageConfDocument.Parse(text);
            Assert.Equal(Describe(ReferenceBuild(document, "/d/")), Describe(PoolModel.Build(document, "/d/")));
        }, iter: 5_000);
    }

    [Fact]
    public void AnyDocumentAndPool_ValidatePool_EqualsTheWholeValidationAboutThatPoolOrTheFile()
    {
        Gen.Select(Gen.OneOf(Document, Support.ConfGen.AnyFile, Support.ConfGen.ValidFile), Gen.Int[0, 9]).Sample(t =>
        {
            var (text, pick) = t;
            var document = StorageConfDocument.Parse(text);
            var names = document.Sections.Select(s => s.Name).Append("DEFAULT").Append("nonexistent").ToList();
            var pool = names[pick % names.Count];
            var whole = PoolRules.Validate(document).Where(d => d.Section is null || d.Section == pool);
            Assert.Equal(whole.Select(d => d.ToString() + d.Section + d.Key), PoolRules.ValidatePool(document, pool).Select(d => d.ToString() + d.Section + d.Key));
        }, iter: 5_000);
    }

    [Fact]
    public void AnyAbsolutePath_Check_NormalizesAsSplitAndJoin()
    {
        Path.Sample(p =>
        {
            var check = DirPath.Check(p);
            if (string.IsNullOrWhiteSpace(p) || p[0] != '/' || check.Error is not null) return;
            Assert.Equal("/" + string.Join('/', p.Split('/', StringSplitOptions.RemoveEmptyEntries)), check.Normalized);
        }, iter: 5_000);
    }

    private static string Describe(IEnumerable<EffectivePool> pools)
        => string.Join("\n", pools.Select(p =>
            $"{p.Name}|{p.Driver}|{p.Class}|{p.DriverLine}|{p.ClassLine}|{p.Line}|{string.Join(",", p.Options)}|{string.Join(",", p.Effective)}|{p.DirPath}|{p.IsXen}"));

    private static List<EffectivePool> ReferenceBuild(StorageConfDocument document, string defaultDirPath)
    {
        var pools = new List<EffectivePool>();
        foreach (var section in document.Sections)
        {
            var merged = new OrderedDictionary<string, PoolOption>(StringComparer.Ordinal);
            if (document.Defaults is { } defaults)
            {
                foreach (var o in defaults.Options.Values) merged[o.Key] = new PoolOption(o.Key, o.Value, OptionSource.Defaults, o.Line);
            }
            foreach (var o in section.Options.Values) merged[o.Key] = new PoolOption(o.Key, o.Value, OptionSource.Section, o.Line);
            var driver = merged.GetValueOrDefault("driver");
            var cls = merged.GetValueOrDefault("class");
            var options = merged.Values.Where(o => o.Key is not ("driver" or "class")).ToList();
            var effective = new List<PoolOption>(options);
            if (section.Name == "default" && !merged.ContainsKey("dir_path"))
            {
                effective.Insert(0, new PoolOption("dir_path", defaultDirPath, OptionSource.Implied, null));
            }
            pools.Add(new EffectivePool
            {
                Name = section.Name,
                Driver = driver?.Value,
                Class = cls?.Value,
                DriverLine = driver?.Line,
                ClassLine = cls?.Line,
                Line = section.FirstLine,
                Options = options,
                Effective = effective,
            });
        }
        return pools;
    }
}
