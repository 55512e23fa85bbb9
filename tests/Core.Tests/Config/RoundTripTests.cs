using System.Text;
using QubesPoolConsole.Core.Config;
using QubesPoolConsole.Core.Storage;

namespace QubesPoolConsole.Core.Tests.Config;

public class RoundTripTests
{
    [Fact]
    public void ShippedFile_ParsedAndSerialized_IsByteIdentical()
    {
        var bytes = Fixtures.ShippedStorageConf;

        var load = ConfFileStore.FromBytes(bytes);

        Assert.True(load.IsLoaded);
        Assert.Equal(bytes, Encoding.UTF8.GetBytes(load.Document!.ToText()));
    }

    [Fact]
    public void ShippedFile_IsReadAsQubesReadsIt()
    {
        var doc = StorageConfDocument.Parse(Encoding.UTF8.GetString(Fixtures.ShippedStorageConf));

        Assert.True(doc.IsReadableByQubes);
        var section = Assert.Single(doc.Sections);
        Assert.Equal("default", section.Name);
        var driver = Assert.Single(section.Options.Values);
        Assert.Equal(("driver", "xen", 2), (driver.Key, driver.Value, driver.Line));
    }
}
