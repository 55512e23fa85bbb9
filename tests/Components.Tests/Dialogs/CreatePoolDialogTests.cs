using MudBlazor;

namespace QubesPoolConsole.Components.Tests.Dialogs;

public class CreatePoolDialogTests : DraftTestContext
{
    private const string Conf = "[default]\ndriver=xen\n\n[fast]\ndriver=xen\ndir_path=/mnt/fast\n";

    public CreatePoolDialogTests() => UseSandbox(Conf);

    /// <summary>Opens the dialog and types <paramref name="name"/> and, when given, <paramref name="dir"/> into their fields.</summary>
    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Reference)> OpenAndTypeAsync(string name, string? dir)
    {
        var (provider, reference) = await OpenDialogAsync<CreatePoolDialog>();
        InputByLabel(provider, "Pool name").Input(name);
        if (dir is not null) InputByLabel(provider, "Directory (dir_path)").Input(dir);
        return (provider, reference);
    }

    [Fact]
    public async Task Submit_DuplicatePoolName_ShowsFieldErrorAndStaysOpen()
    {
        var (provider, _) = await OpenAndTypeAsync("fast", Sandbox.Root);
        Button(provider, "Create pool").Click();

        provider.WaitForAssertion(() => Assert.Contains("A pool named 'fast' already exists", provider.Markup));
        Assert.Single(provider.FindComponents<CreatePoolDialog>());
        Assert.Empty(Draft.Edits);
    }

    [Fact]
    public async Task Type_InvalidNameAndRelativeDirectory_ShowsBothErrorsNextToTheirFields()
    {
        var (provider, _) = await OpenAndTypeAsync("my pool", "relative/dir");

        provider.WaitForAssertion(() =>
        {
            var errors = provider.FindAll(".mud-input-control-helper-container").Select(e => e.TextContent).ToList();
            Assert.Contains(errors, e => e.Contains("contains a space"));
            Assert.Contains(errors, e => e.Contains("is relative"));
        });
    }

    [Fact]
    public async Task Submit_ValidXenPool_StagesTheEditAndLeavesTheFileAlone()
    {
        var before = File.ReadAllText(Sandbox.ConfPath);
        var (provider, reference) = await OpenAndTypeAsync("slow", Sandbox.Root + "//slow/");
        provider.WaitForAssertion(() => Assert.Contains($"Will be written as {Sandbox.Root}/slow", provider.Markup));
        Button(provider, "Create pool").Click();

        var result = await reference.Result;
        Assert.False(result!.Canceled);
        var edit = Assert.IsType<AddPool>(Assert.Single(Draft.Edits));
        Assert.Equal("slow", edit.Name);
        Assert.Contains(Draft.CurrentPools, p => p.Name == "slow" && p.DirPath!.Value == Sandbox.Root + "/slow");
        Assert.Equal(before, File.ReadAllText(Sandbox.ConfPath));
    }

    [Fact]
    public async Task EnterInTheDirectoryField_StagesThePool()
    {
        var (provider, reference) = await OpenAndTypeAsync("slow", Sandbox.Root + "/slow");
        InputByLabel(provider, "Directory (dir_path)").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter" });

        var result = await reference.Result.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(result!.Canceled);
        Assert.Equal("slow", Assert.IsType<AddPool>(Assert.Single(Draft.Edits)).Name);
    }

    [Fact]
    public async Task Opened_TheNameIsTheFirstTextField_TheDirectoryTheNext()
    {
        var (provider, _) = await OpenDialogAsync<CreatePoolDialog>();

        var fields = provider.FindAll("input[type=text], input:not([type])");
        Assert.Equal(InputByLabel(provider, "Pool name").Id, fields[0].Id);
        Assert.Equal(InputByLabel(provider, "Directory (dir_path)").Id, fields[1].Id);
    }

    [Fact]
    public async Task Type_DirectoryWhoseParentIsMissing_WarnsThatQubesCreatesOnlyTheLastLevel()
    {
        var (provider, _) = await OpenAndTypeAsync("slow", Sandbox.Root + "/no-such-disk/qubes");

        provider.WaitForAssertion(() => Assert.Contains($"The parent directory '{Sandbox.Root}/no-such-disk' does not exist", provider.Markup));
    }

    [Fact]
    public async Task Submit_CustomClassThatIsNotDotted_ShowsTheClassError()
    {
        var (provider, _) = await OpenAndTypeAsync("lvm", dir: null);

        provider.FindAll("input[type=radio]")[1].Click();
        provider.WaitForAssertion(() => InputByLabel(provider, "Class").Input("NotDotted"));
        InputByLabel(provider, "Option 1 name").Input("volume_group");
        InputByLabel(provider, "Option 1 value").Input("qubes_dom0");
        Button(provider, "Create pool").Click();

        provider.WaitForAssertion(() => Assert.Contains("class 'NotDotted' is not a dotted Python path", provider.Markup));
        Assert.Empty(Draft.Edits);
    }
}
