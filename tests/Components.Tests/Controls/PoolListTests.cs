using Bunit;

namespace QubesPoolConsole.Components.Tests.Controls;

public class PoolListTests : ComponentTestContext
{
    [Fact]
    public void Render_TwoPools_ShowsNameDriverDirectoryAndVmCount()
    {
        using var sandbox = new TempSandbox(
            "[default]\ndriver=xen\n\n[fast]\ndriver=xen\ndir_path=/mnt/ssd/qubes\n",
            TempSandbox.QubesXml(("work", "fast"), ("mail", "fast"), ("sys-net", "default")));
        var snapshot = sandbox.Catalog.Read();

        var cut = Render<QubesPoolConsole.Components.Controls.PoolList>(p => p.Add(x => x.Snapshot, snapshot));

        var rows = cut.FindAll("tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("default", rows[0].TextContent);
        Assert.Contains("/var/lib/qubes/", rows[0].TextContent);
        Assert.Contains("implied", rows[0].TextContent);
        Assert.Contains("fast", rows[1].TextContent);
        Assert.Contains("/mnt/ssd/qubes", rows[1].TextContent);
        Assert.Equal("2", rows[1].QuerySelectorAll("td")[3].TextContent.Trim());
    }
}
