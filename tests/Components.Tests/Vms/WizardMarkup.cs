namespace QubesPoolConsole.Components.Tests.Vms;

/// <summary>Finds wizard radios as a user sees them, by their label text (buttons: ComponentTestContext.Button).</summary>
public static class WizardMarkup
{
    public static IElement RadioIn(INodeList nodes, string name)
        => nodes.QuerySelectorAll("label").Single(l => l.QuerySelector("input[type=radio]") is not null && l.TextContent.Trim() == name)
            .QuerySelector("input[type=radio]")!;

    public static IReadOnlyList<string> RadioNames(INodeList nodes)
        => nodes.QuerySelectorAll("label").Where(l => l.QuerySelector("input[type=radio]") is not null).Select(l => l.TextContent.Trim()).ToList();
}
