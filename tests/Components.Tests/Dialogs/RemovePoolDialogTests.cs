using MudBlazor;

namespace QubesPoolConsole.Components.Tests.Dialogs;

public class RemovePoolDialogTests : DraftTestContext
{
    private const string Conf = "[default]\ndriver=xen\n\n[fast]\ndriver=xen\ndir_path=/mnt/fast\n";

    private static DialogParameters For(string pool) => new DialogParameters<RemovePoolDialog> { { d => d.Pool, pool } };

    [Fact]
    public async Task Open_PoolUsedByVms_RefusesListsTheVmsAndDisablesRemove()
    {
        UseSandbox(Conf, TempConsoleFiles.QubesXml(("work", "fast"), ("mail", "fast"), ("sys-net", "default")));
        var (provider, _) = await OpenDialogAsync<RemovePoolDialog>(For("fast"));

        Assert.Contains("is used by 2 VM(s): work, mail", provider.Markup);
        var names = provider.FindAll("tbody tr td:first-child").Select(td => td.TextContent).ToList();
        Assert.Equal(["work", "mail"], names);
        Assert.True(Button(provider, "Remove pool").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Open_DefaultPool_IsAlwaysRefused()
    {
        UseSandbox(Conf);
        var (provider, _) = await OpenDialogAsync<RemovePoolDialog>(For("default"));

        Assert.Contains("There is no [default] section; Qubes cannot load any VM of the default pool", provider.Markup);
        Assert.True(Button(provider, "Remove pool").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Open_WhenQubesXmlIsMissing_RefusesBecauseItCannotTellWhichVmsUseThePool()
    {
        UseSandbox(Conf);
        File.Delete(Sandbox.QubesXmlPath);
        Draft.Reload();
        var (provider, _) = await OpenDialogAsync<RemovePoolDialog>(For("fast"));

        Assert.Contains("Cannot tell whether any VM uses pool 'fast'", provider.Markup);
        Assert.Contains("does not exist", provider.Markup);
        Assert.DoesNotContain("No VM uses it", provider.Markup);
        Assert.True(Button(provider, "Remove pool").HasAttribute("disabled"));
        Assert.Empty(Draft.Edits);
    }

    [Fact]
    public async Task Confirm_UnusedPool_NamesItAndStagesTheRemoval()
    {
        UseSandbox(Conf);
        var (provider, reference) = await OpenDialogAsync<RemovePoolDialog>(For("fast"));

        Assert.Contains("Section [fast] will be removed", provider.Markup);
        Button(provider, "Remove pool").Click();

        Assert.False((await reference.Result)!.Canceled);
        Assert.Equal(new RemovePool("fast"), Assert.Single(Draft.Edits));
        Assert.Contains("[fast]", File.ReadAllText(Sandbox.ConfPath));
    }
}
