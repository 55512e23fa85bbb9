using QubesPoolConsole.Components.Pages.NewVm;
using static QubesPoolConsole.Components.Tests.Vms.WizardMarkup;

namespace QubesPoolConsole.Components.Tests.Vms;

public class NewVmPageTests : WizardTestContext
{
    private IRenderedComponent<NewVmPage> RenderPage(string url = "/vms/new?pool=fast")
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return Render<NewVmPage>();
    }

    /// <summary>The wizard filled in (template fedora-23, pool fast) and at its review step.</summary>
    private IRenderedComponent<NewVmPage> RenderAtTheReview(string name, string label)
    {
        var cut = RenderPage();
        var wizard = cut.Instance.Wizard!;
        wizard.Model.Name = name;
        wizard.Model.Label = label;
        wizard.Model.Template = "fedora-23";
        while (wizard.CanGoNext) wizard.Next();
        cut.Render();
        return cut;
    }

    [Fact]
    public void NextButton_DisabledUntilEachStepIsValid_ThroughToReview()
    {
        var cut = RenderPage();
        Assert.True(Button(cut.Nodes, "Next").HasAttribute("disabled"));
        Assert.True(Button(cut.Nodes, "Back").HasAttribute("disabled"));

        cut.Find("input").Input("banking");
        Button(cut.Nodes, "Next").Click();
        Assert.Equal(WizardStep.Label, cut.Instance.Wizard!.Step);
        Assert.True(Button(cut.Nodes, "Next").HasAttribute("disabled"));

        RadioIn(cut.Nodes, "green").Click();
        Button(cut.Nodes, "Next").Click();
        Assert.True(Button(cut.Nodes, "Next").HasAttribute("disabled")); // no template yet

        RadioIn(cut.Nodes, "fedora-23").Click();
        Button(cut.Nodes, "Next").Click();
        Assert.False(Button(cut.Nodes, "Next").HasAttribute("disabled")); // pool preselected from ?pool=fast
        Assert.Equal("fast", cut.Instance.Wizard.Model.Pool);

        Button(cut.Nodes, "Next").Click();
        Button(cut.Nodes, "Next").Click();

        Assert.Equal(WizardStep.Review, cut.Instance.Wizard.Step);
        Assert.Equal("qvm-create -P fast -l green -t fedora-23 banking", cut.Find("pre[aria-label=Command]").TextContent);
        Assert.Equal("step", cut.FindAll("ol[aria-label=Steps] li").Last().GetAttribute("aria-current"));
        Assert.False(Button(cut.Nodes, "Create VM").HasAttribute("disabled"));
    }

    [Fact]
    public void CreateVm_ShowsLiveOutputThenFinalState()
    {
        var cut = RenderAtTheReview("banking", "green");

        Button(cut.Nodes, "Create VM").Click();

        cut.WaitForAssertion(() => Assert.Contains("--> Creating directory: /pools/fast/appvms/banking", cut.Find("pre[role=log]").TextContent));
        Assert.Contains("Creating…", cut.Markup);
        Creator.Release.SetResult(true);
        cut.WaitForAssertion(() => Assert.Contains("Created 'banking'.", cut.Markup));
        Assert.Contains("--> Created.", cut.Find("pre[role=log]").TextContent);
        Assert.Equal("banking", Assert.Single(Creator.Requests).Name);
        Assert.Equal("fast", Creator.Requests[0].Pool);
    }

    [Fact]
    public void CreateVm_Failure_ShowsPlainMessageAndFullOutput()
    {
        Creator.Succeed = false;
        Creator.Release.SetResult(true);
        var cut = RenderAtTheReview("banking", "red");

        Button(cut.Nodes, "Create VM").Click();

        cut.WaitForAssertion(() => Assert.Contains("Qubes does not know a pool named 'fast'.", cut.Markup));
        Assert.Contains("ERROR: Uknown storage pool fast", cut.Find("pre[role=log]").TextContent);
        Assert.Contains("Back to the review", cut.Markup);
    }

    [Fact]
    public void UnreadableQubesXml_ShowsTheReasonInsteadOfTheWizard()
    {
        File.WriteAllText(Sandbox.QubesXmlPath, "<QubesVmCollection><QubesAppVm");

        var cut = RenderPage("/vms/new");

        Assert.Contains("not well-formed XML", cut.Markup);
        Assert.Empty(cut.FindAll("button"));
    }
}
