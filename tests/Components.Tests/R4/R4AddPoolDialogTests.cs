using MudBlazor;
using QubesPoolConsole.Components.R4;
using QubesPoolConsole.Core.Qubesd.Pools;
using QubesPoolConsole.Core.Qubesd.Wire;

namespace QubesPoolConsole.Components.Tests.R4;

public class R4AddPoolDialogTests : R4TestContext
{
    // The dialog with the file driver chosen (it opens on file-reflink).
    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Reference)> OpenAsync(string driver = "file")
    {
        var (provider, reference) = await OpenDialogAsync<R4AddPoolDialog>(new DialogParameters<R4AddPoolDialog> { { d => d.Draft, Draft } });
        var dialog = provider.FindComponent<R4AddPoolDialog>();
        await dialog.InvokeAsync(() => dialog.Instance.Form.ChooseDriver(driver));
        dialog.Render();
        return (provider, reference);
    }

    [Fact]
    public async Task OpensOnFileReflink_WithItsSetupCheckSwitch()
    {
        var (provider, _) = await OpenDialogAsync<R4AddPoolDialog>(new DialogParameters<R4AddPoolDialog> { { d => d.Draft, Draft } });

        var options = provider.FindAll("[data-option]").Select(e => e.GetAttribute("data-option")).ToList();
        Assert.Equal(["dir_path", "revisions_to_keep", "setup_check", "ephemeral_volatile"], options);
    }

    [Fact]
    public async Task FileDriver_ShowsOneFieldPerOption_DirPathRequired()
    {
        var (provider, _) = await OpenAsync();

        var options = provider.FindAll("[data-option]").Select(e => e.GetAttribute("data-option")).ToList();
        Assert.Equal(["dir_path", "revisions_to_keep", "ephemeral_volatile"], options);
        Assert.Equal("true", InputByLabel(provider, "dir_path").GetAttribute("aria-required"));
        // ephemeral_volatile is a switch, not a text field.
        Assert.NotNull(provider.Find("[data-option='ephemeral_volatile'] input[type='checkbox']"));
    }

    [Fact]
    public async Task ChoosingLvmThin_ShowsItsOwnFields()
    {
        var (provider, _) = await OpenAsync("lvm_thin");

        provider.WaitForAssertion(() =>
        {
            var options = provider.FindAll("[data-option]").Select(e => e.GetAttribute("data-option")).ToList();
            Assert.Equal(["volume_group", "thin_pool", "revisions_to_keep", "ephemeral_volatile"], options);
        });
    }

    [Fact]
    public async Task BadRevisionsForFile_ShowsTheValidatorsErrorInline_NothingStaged()
    {
        var (provider, _) = await OpenAsync();

        InputByLabel(provider, "Pool name").Input("fast");
        InputByLabel(provider, "dir_path").Input(Path.Combine(DataDirectory, "fast"));
        InputByLabel(provider, "revisions_to_keep").Input("3");
        Button(provider, "Add pool").Click();

        var expected = R4PoolValidator.ValidateAdd(
            R4PoolAddRequest.Of("fast", "file", ("dir_path", Path.Combine(DataDirectory, "fast")), ("revisions_to_keep", "3")), Draft.Plan!.Final)
            .Single(f => f.IsError);
        provider.WaitForAssertion(() =>
        {
            var helper = provider.Find("[data-option='revisions_to_keep'] .mud-input-control-helper-container");
            Assert.Contains(expected.Message, helper.TextContent);
        });
        Assert.Single(provider.FindComponents<R4AddPoolDialog>());
        Assert.Empty(Draft.Changes);
    }

    [Fact]
    public async Task BadNameOnly_IsShownOnTheNameField_BeforeSubmit()
    {
        var (provider, _) = await OpenAsync();

        InputByLabel(provider, "Pool name").Input("my pool");

        provider.WaitForAssertion(() => Assert.Contains("contains a space", provider.Markup));
        // dir_path has not been touched, so its 'needs dir_path' is not shown yet.
        Assert.DoesNotContain("The file driver needs dir_path", provider.Markup);
        Assert.Empty(Draft.Changes);
    }

    [Fact]
    public async Task ValidFilePool_EnterStagesIt_NothingSentToQubesd()
    {
        var (provider, reference) = await OpenAsync();
        var dir = Path.Combine(DataDirectory, "fast");

        InputByLabel(provider, "Pool name").Input("fast");
        InputByLabel(provider, "dir_path").Input(dir);
        InputByLabel(provider, "dir_path").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter" });

        var result = await reference.Result;
        Assert.False(result!.Canceled);
        var change = Assert.Single(Draft.Changes);
        Assert.Equal(R4ChangeKind.AddPool, change.Kind);
        Assert.Equal([KeyValuePair.Create("dir_path", dir)], change.Add!.Options);
        Assert.False(Directory.Exists(dir));
        Assert.DoesNotContain("fast", (await Client.PoolListAsync()).Value!);
    }
}
