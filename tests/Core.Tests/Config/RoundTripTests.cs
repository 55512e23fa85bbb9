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

    [Theory]
    [InlineData("[default]\ndriver=xen", "no final newline")]
    [InlineData("[default]\r\ndriver=xen\r\n", "CRLF")]
    [InlineData("[default]\r\ndriver=xen\n# lf\r\n\r\n", "mixed")]
    [InlineData("", "empty")]
    [InlineData("\n\n\n", "blank lines only")]
    [InlineData("[default]\ndriver=xen\r", "lone CR at the end")]
    [InlineData("\r\n", "a single CRLF")]
    [InlineData("[a]\nk = v ; c\n  cont\n\tmore\n", "continuations")]
    public void EdgeFile_ParsedAndSerialized_GivesBackTheInput(string text, string what)
    {
        Assert.True(StorageConfDocument.Parse(text).ToText() == text, what);
    }
}
