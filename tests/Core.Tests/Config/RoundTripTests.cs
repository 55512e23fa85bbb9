namespace QubesPoolConsole.Core.Tests.Config;

public class RoundTripTests
{
    public static TheoryData<string> FixtureFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(TestFixtures.Directory).Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(FixtureFiles))]
    public void FixtureFile_LoadedAndSerialized_IsByteIdentical(string name)
    {
        // Every fixture, not only storage.conf: the document keeps any UTF-8 text exactly, whatever Qubes makes of it.
        var bytes = File.ReadAllBytes(TestFixtures.PathOf(name));

        var load = ConfFileStore.FromBytes(bytes);

        Assert.True(load.IsLoaded);
        Assert.Equal(bytes, Encoding.UTF8.GetBytes(load.Document!.ToText()));
    }

    [Fact]
    public void ShippedFile_IsReadAsQubesReadsIt()
    {
        var doc = StorageConfDocument.Parse(Encoding.UTF8.GetString(TestFixtures.ShippedStorageConf));

        Assert.True(doc.IsReadableByQubes);
        var section = Assert.Single(doc.Sections);
        Assert.Equal("default", section.Name);
        var driver = Assert.Single(section.Options.Values);
        Assert.Equal(("driver", "xen", 2), (driver.Key, driver.Value, driver.Line));
        Assert.Empty(PoolRules.Validate(doc));
    }

    [Fact]
    public void GeneratedDialectFiles_ParsedAndSerialized_GiveBackTheInput()
    {
        ConfGen.AnyFile.Sample(text =>
        {
            var doc = StorageConfDocument.Parse(text);
            Assert.Equal(text, doc.ToText());
            Assert.Equal(text, ConfFileStore.FromBytes(Encoding.UTF8.GetBytes(text)).Document!.ToText());
        }, iter: 3000);
    }

    [Fact]
    public void GeneratedCharacterSoup_ParsedAndSerialized_GivesBackTheInput()
    {
        ConfGen.Soup.Sample(text => Assert.Equal(text, StorageConfDocument.Parse(text).ToText()), iter: 3000);
    }

    [Fact]
    public void GeneratedValidFiles_AreReadableAndPassEveryRule()
    {
        // Guards the generator that the edit properties rely on.
        ConfGen.ValidFile.Sample(text =>
        {
            var doc = StorageConfDocument.Parse(text);
            Assert.True(doc.IsReadableByQubes, text);
            Assert.DoesNotContain(PoolRules.Validate(doc), d => d.IsError);
            Assert.Equal(text, doc.ToText());
        }, iter: 1000);
    }

    // What makes the file an edge case, and its text.
    public static TheoryData<string, string> EdgeFiles => new()
    {
        { "no final newline", "[default]\ndriver=xen" },
        { "CRLF", "[default]\r\ndriver=xen\r\n" },
        { "mixed", "[default]\r\ndriver=xen\n# lf\r\n\r\n" },
        { "empty", "" },
        { "blank lines only", "\n\n\n" },
        { "lone CR at the end", "[default]\ndriver=xen\r" },
        { "a single CRLF", "\r\n" },
        { "continuations", "[a]\nk = v ; c\n  cont\n\tmore\n" },
    };

    [Theory]
    [MemberData(nameof(EdgeFiles))]
    public void EdgeFile_ParsedAndSerialized_GivesBackTheInput(string what, string text)
    {
        Assert.True(StorageConfDocument.Parse(text).ToText() == text, what);
    }
}
