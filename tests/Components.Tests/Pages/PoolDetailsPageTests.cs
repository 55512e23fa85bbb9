namespace QubesPoolConsole.Components.Tests.Pages;

public class PoolDetailsPageTests : DraftTestContext
{
    [Fact]
    public void Render_DefaultPool_ShowsImpliedDirPathAndDisablesEditWithTheReason()
    {
        UseSandbox("[default]\ndriver=xen\n", TempConsoleFiles.QubesXml(("sys-net", "default")));

        var cut = Render<PoolDetailsPage>(p => p.Add(x => x.Name, "default"));

        var dirRow = cut.FindAll("tr").Single(r => r.TextContent.Contains("dir_path"));
        Assert.Contains("/var/lib/qubes/", dirRow.TextContent);
        Assert.Contains("implied", dirRow.TextContent);
        Assert.Contains("line 2", cut.FindAll("tr").Single(r => r.TextContent.Contains("driver")).TextContent);
        Assert.True(Button(cut, "Edit").HasAttribute("disabled"));
        Assert.Contains("Edit is unavailable: The default pool cannot be edited", cut.Markup);
        Assert.Contains("sys-net", cut.Markup);
    }

    [Fact]
    public void Render_PoolWithDefaultsKeyAndVms_ShowsWhereEachKeyComesFromAndTheVms()
    {
        UseSandbox("[DEFAULT]\nrevisions_to_keep=1\n\n[default]\ndriver=xen\n\n[fast]\ndriver=xen\ndir_path=/mnt/fast\n",
            TempConsoleFiles.QubesXml(("work", "fast")));

        var cut = Render<PoolDetailsPage>(p => p.Add(x => x.Name, "fast"));

        Assert.Contains("[DEFAULT] line 2", cut.FindAll("tr").Single(r => r.TextContent.Contains("revisions_to_keep")).TextContent);
        Assert.Contains("line 9", cut.FindAll("tr").Single(r => r.TextContent.Contains("/mnt/fast")).TextContent);
        Assert.Contains("VMs in this pool (1)", cut.Markup);
        var vmTable = cut.FindAll("table").Single(t => t.QuerySelector("caption")?.TextContent == "VMs in this pool");
        Assert.Contains("work", vmTable.QuerySelector("tbody")!.TextContent);
        Assert.Contains("'revisions_to_keep' is not an option of the xen driver", cut.Markup);
        Assert.Equal("/vms/new?pool=fast", cut.FindAll("a").Single(a => a.TextContent.Trim() == "New VM in this pool").GetAttribute("href"));
        Assert.False(Button(cut, "Edit").HasAttribute("disabled"));
    }

    [Fact]
    public void Render_UnknownPool_SaysThereIsNone()
    {
        UseSandbox("[default]\ndriver=xen\n");

        var cut = Render<PoolDetailsPage>(p => p.Add(x => x.Name, "nope"));

        Assert.Contains("There is no pool named 'nope'", cut.Markup);
        Assert.Empty(cut.FindAll("button"));
    }
}
