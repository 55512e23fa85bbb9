namespace QubesPoolConsole.Components.Tests.Pages;

public class PoolsPageTests : DraftTestContext
{
    [Fact]
    public void Render_ReadableFile_ListsPoolsWithLinksAndAddPoolEnabled()
    {
        UseSandbox("[default]\ndriver=xen\n\n[fast]\ndriver=xen\ndir_path=/mnt/fast\n", TempConsoleFiles.QubesXml(("work", "fast")));

        var cut = Render<PoolsPage>();

        Assert.Equal("/pools/fast", cut.FindAll("a").Single(a => a.TextContent.Trim() == "fast").GetAttribute("href"));
        Assert.Equal("/vms/new", cut.FindAll("a").Single(a => a.TextContent.Trim() == "New VM").GetAttribute("href"));
        Assert.False(Button(cut, "Add pool").HasAttribute("disabled"));
        Assert.Contains("No problems found in storage.conf.", cut.Markup);
    }

    [Fact]
    public void Render_FileQubesCannotRead_SaysSoListsLinesDisablesFormsAndLinksToTheTextEditor()
    {
        UseSandbox("dir_path=/oops\n[default]\ndriver=xen\n");

        var cut = Render<PoolsPage>();

        Assert.Contains("Qubes cannot read storage.conf", cut.Markup);
        Assert.Contains("Line 1:", cut.Markup);
        Assert.True(Button(cut, "Add pool").HasAttribute("disabled"));
        Assert.Equal("/raw", cut.FindAll("a").Single(a => a.TextContent.Trim() == "Edit the file as text").GetAttribute("href"));
        Assert.Empty(cut.FindAll("a[href^='/pools/']"));
    }

    [Fact]
    public void Render_MissingFile_SaysSoAndRestoreStagesTheShippedFileAndGoesToReview()
    {
        var draft = UseSandbox("x");
        File.Delete(Sandbox.ConfPath);
        draft.Reload();
        var nav = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();

        var cut = Render<PoolsPage>();
        Assert.Contains("does not exist", cut.Find("[data-testid=file-missing]").TextContent);
        Assert.True(Button(cut, "Add pool").HasAttribute("disabled"));
        Button(cut, "Restore the file Qubes ships").Click();

        Assert.Equal(QubesPoolConsole.Core.Config.ShippedStorageConf.Text, draft.CurrentText);
        Assert.EndsWith("/review", nav.Uri);
        Assert.False(File.Exists(Sandbox.ConfPath));
    }

    [Fact]
    public void DraftChanges_AfterRender_GridShowsThePendingPool()
    {
        var draft = UseSandbox("[default]\ndriver=xen\n");
        var cut = Render<PoolsPage>();

        cut.InvokeAsync(() => draft.Add(AddPool.Xen("fast", "/mnt/fast")));

        cut.WaitForAssertion(() =>
        {
            var row = cut.FindAll("tr").Single(r => r.TextContent.Contains("/mnt/fast"));
            Assert.Contains("pending: new", row.TextContent);
        });
    }
}
