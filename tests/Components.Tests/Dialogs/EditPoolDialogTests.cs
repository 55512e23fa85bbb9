using MudBlazor;

namespace QubesPoolConsole.Components.Tests.Dialogs;

public class EditPoolDialogTests : DraftTestContext
{
    private static DialogParameters For(string pool) => new DialogParameters<EditPoolDialog> { { d => d.Pool, pool } };

    [Fact]
    public async Task ChangeDirPath_OfAPoolWithVms_ShowsTheMoveWarningAndSaveWaitsForConfirmation()
    {
        UseSandbox("[default]\ndriver=xen\n\n[fast]\ndriver=xen\ndir_path=/mnt/fast\n", TempConsoleFiles.QubesXml(("work", "fast")));
        var (provider, reference) = await OpenDialogAsync<EditPoolDialog>(For("fast"));

        InputByLabel(provider, "Directory (dir_path)").Input("/mnt/faster");

        provider.WaitForAssertion(() => Assert.Contains("holds 1 VM(s) (work)", provider.Markup));
        Assert.True(Button(provider, "Save changes").HasAttribute("disabled"));

        provider.Find("input[type=checkbox]").Change(true);
        provider.WaitForAssertion(() => Assert.False(Button(provider, "Save changes").HasAttribute("disabled")));
        Button(provider, "Save changes").Click();

        Assert.False((await reference.Result)!.Canceled);
        var set = Assert.IsType<SetPoolOptions>(Assert.Single(Draft.Edits));
        Assert.Equal([new KeyValuePair<string, string>("dir_path", "/mnt/faster")], set.Options);
        Assert.Contains("dir_path=/mnt/fast\n", File.ReadAllText(Sandbox.ConfPath));
        // The dialog's checkbox is the confirmation: the review page does not ask again.
        Assert.Single(Draft.Verdict.NeedingConfirmation);
        Assert.Empty(Draft.Unconfirmed);
    }

    [Fact]
    public async Task Open_XenPoolWithAnUnknownKey_ListsTheKeyAndRemovingItEmitsAnUnset()
    {
        UseSandbox("[default]\ndriver=xen\n\n[fast]\ndriver=xen\ndir_path=/mnt/fast\nrevisions_to_keep=2\n");
        var (provider, reference) = await OpenDialogAsync<EditPoolDialog>(For("fast"));

        Assert.Equal("revisions_to_keep", InputByLabel(provider, "Option 1 name").GetAttribute("value"));
        Assert.Contains("accepts only dir_path", provider.Markup);

        provider.FindAll("button").First(b => b.GetAttribute("aria-label") == "Remove option revisions_to_keep").Click();
        provider.WaitForAssertion(() => Assert.Contains("'revisions_to_keep' will be removed", provider.Markup));
        Button(provider, "Save changes").Click();

        Assert.False((await reference.Result)!.Canceled);
        Assert.Equal(new UnsetPoolOption("fast", "revisions_to_keep"), Assert.Single(Draft.Edits));
    }

    [Fact]
    public async Task Open_WithoutChanges_SaveIsDisabled()
    {
        UseSandbox("[default]\ndriver=xen\n\n[fast]\ndriver=xen\ndir_path=/mnt/fast\n");
        var (provider, _) = await OpenDialogAsync<EditPoolDialog>(For("fast"));

        Assert.True(Button(provider, "Save changes").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Open_DefaultPool_SaysWhyItCannotBeEdited()
    {
        UseSandbox("[default]\ndriver=xen\n");
        var (provider, _) = await OpenDialogAsync<EditPoolDialog>(For("default"));

        Assert.Contains("The default pool cannot be edited", provider.Markup);
        Assert.Empty(provider.FindAll("input[type=text]"));
        Assert.True(Button(provider, "Save changes").HasAttribute("disabled"));
    }

    [Fact]
    public async Task ChangeOption_OfACustomClassPool_StagesASetAndKeepsTheOtherKeys()
    {
        UseSandbox("[default]\ndriver=xen\n\n[lvm]\nclass=my.drivers.LvmPool\nvolume_group=qubes\nthin_pool=pool0\n");
        var (provider, reference) = await OpenDialogAsync<EditPoolDialog>(For("lvm"));

        Assert.Equal("my.drivers.LvmPool", InputByLabel(provider, "Class").GetAttribute("value"));
        InputByLabel(provider, "Option 2 value").Input("pool1");
        Button(provider, "Save changes").Click();

        Assert.False((await reference.Result)!.Canceled);
        var set = Assert.IsType<SetPoolOptions>(Assert.Single(Draft.Edits));
        Assert.Equal([new KeyValuePair<string, string>("thin_pool", "pool1")], set.Options);
        var pool = Draft.CurrentPools.Single(p => p.Name == "lvm");
        Assert.Equal("qubes", pool.Option("volume_group")!.Value);
    }
}
