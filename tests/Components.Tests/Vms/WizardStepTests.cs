using static QubesPoolConsole.Components.Tests.Vms.WizardMarkup;

namespace QubesPoolConsole.Components.Tests.Vms;

public class WizardStepTests : WizardTestContext
{
    /// <summary>Names Core refuses, each with a part of the message it gives.</summary>
    public static TheoryData<string, string> InvalidNames => new()
    {
        { "1abc", "must start with a letter" },
        { "work", "A VM named 'work' already exists" },
        { "disp12", "reserved" },
        { "none", "reserved" },
        { "proxy-dm", "must not end in '-dm'" },
    };

    [Theory]
    [MemberData(nameof(InvalidNames))]
    public void NameStep_InvalidName_ShowsCoreMessageAsYouType(string name, string expected)
    {
        var wizard = Wizard();
        var cut = Render<NameStep>(p => p.Add(x => x.Wizard, wizard));

        cut.Find("input").Input(name);

        cut.WaitForAssertion(() => Assert.Contains(expected, cut.Markup));
        Assert.Equal("true", cut.Find("input").GetAttribute("aria-invalid"));
        Assert.False(wizard.CanGoNext);
    }

    [Fact]
    public void NameStep_FreeName_SaysSoAndAllowsNext()
    {
        var wizard = Wizard();
        var cut = Render<NameStep>(p => p.Add(x => x.Wizard, wizard));

        cut.Find("input").Input("banking");

        cut.WaitForAssertion(() => Assert.Contains("This name is free.", cut.Markup));
        Assert.Equal("banking", wizard.Model.Name);
        Assert.True(wizard.CanGoNext);
    }

    [Fact]
    public void LabelStep_ShowsQubesEightColoursAsNamedRadios_AndChoosingOneCompletesTheStep()
    {
        var wizard = Wizard();
        wizard.Model.Name = "banking";
        wizard.Next();
        var cut = Render<LabelStep>(p => p.Add(x => x.Wizard, wizard));
        Assert.False(wizard.CanGoNext);

        Assert.Equal(["red", "orange", "yellow", "green", "gray", "blue", "purple", "black"], RadioNames(cut.Nodes));
        Assert.Equal("Label", cut.Find("[role=radiogroup]").GetAttribute("aria-label"));
        Assert.Contains("background-color:#73d216", cut.Markup);

        RadioIn(cut.Nodes, "green").Click();

        Assert.Equal("green", wizard.Model.Label);
        Assert.True(wizard.CanGoNext);
    }

    [Fact]
    public void TypeStep_TemplateBasedWithoutTemplate_SaysOneIsNeeded_AndOffersOnlyTemplates()
    {
        var wizard = Wizard();
        var cut = Render<TypeStep>(p => p.Add(x => x.Wizard, wizard));

        Assert.Contains("needs a template; choose one", cut.Markup);
        Assert.Contains("fedora-23", RadioNames(cut.Nodes));
        Assert.DoesNotContain("work", RadioNames(cut.Nodes));
        Assert.NotNull(wizard.ProblemOf(WizardStep.Type));

        RadioIn(cut.Nodes, "fedora-23").Click();

        Assert.Null(wizard.ProblemOf(WizardStep.Type));
        Assert.DoesNotContain("needs a template", cut.Markup);
    }

    [Fact]
    public void TypeStep_StandaloneHvm_HidesTemplateChoiceAndNeedsNone()
    {
        var wizard = Wizard();
        var cut = Render<TypeStep>(p => p.Add(x => x.Wizard, wizard));

        RadioIn(cut.Nodes, "Standalone HVM").Click();

        Assert.Equal(VmType.StandaloneHvm, wizard.Model.Type);
        Assert.DoesNotContain("fedora-23", RadioNames(cut.Nodes));
        Assert.Null(wizard.ProblemOf(WizardStep.Type));
    }

    [Fact]
    public void PoolStep_ListsEveryPoolWithFreeSpaceAndVmCount_DefaultFirst_BrokenDisabledWithReason()
    {
        var wizard = Wizard("fast");
        var cut = Render<PoolStep>(p => p.Add(x => x.Wizard, wizard));

        var rows = cut.FindAll("tbody tr");
        Assert.Equal(["default", "fast", "broken"], rows.Select(r => r.QuerySelector("label")!.TextContent.Trim()));
        Assert.Contains("100.0 GiB free of 200.0 GiB", rows[0].TextContent);
        Assert.Contains("3.0 GiB free of 200.0 GiB", rows[1].TextContent);
        Assert.Equal(["2", "1", "0"], rows.Select(r => r.QuerySelectorAll("td")[3].TextContent.Trim()));
        Assert.Contains("Not available:", rows[2].TextContent);
        Assert.Contains("dir_path", rows[2].TextContent);
        Assert.True(rows[2].QuerySelector("input[type=radio]")!.HasAttribute("disabled"));
        Assert.Equal("fast", wizard.Model.Pool);

        RadioIn(cut.Nodes, "default").Click();

        Assert.Equal("default", wizard.Model.Pool);
    }

    [Fact]
    public void OptionsStep_MemoryOutOfRange_ShowsMessageAndBlocksNext()
    {
        var wizard = Wizard();
        var cut = Render<OptionsStep>(p => p.Add(x => x.Wizard, wizard));

        cut.FindAll("input")[0].Input("50");

        cut.WaitForAssertion(() => Assert.Contains("Memory must be between 100 and", cut.Markup));
        Assert.Equal(50, wizard.Model.MemoryMb);
        Assert.NotNull(wizard.ProblemOf(WizardStep.Options));
    }

    [Fact]
    public void ReviewStep_ShowsExactCommandFilesWithSizesAndSpaceWarning()
    {
        var request = new VmRequest { Name = "banking", Label = "green", Type = VmType.StandaloneAppVm, Template = "fedora-23", Pool = "fast" };
        var review = Service.Review(request, Service.Load());
        var cut = Render<ReviewStep>(p => p.Add(x => x.Review, review).Add(x => x.BackendDescription, "Test backend."));

        Assert.Equal("qvm-create -P fast -l green -s -t fedora-23 banking", cut.Find("pre[aria-label=Command]").TextContent);
        Assert.Equal("/pools/fast/appvms/banking", cut.Find("pre[aria-label=Directory]").TextContent);
        var files = cut.FindAll("tbody tr").Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()))).ToList();
        Assert.Equal("private.img | 2.0 GiB | sparse, copied from fedora-23", files[0]);
        Assert.Equal("root.img | 10.0 GiB | sparse, copied from fedora-23", files[1]);
        Assert.Equal("volatile.img | 11.5 GiB | sparse, root size + 1.5 GiB", files[2]);
        Assert.Contains("can grow to 23.5 GiB, but only 3.0 GiB is free", cut.Markup);
    }
}
