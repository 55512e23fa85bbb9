namespace QubesPoolConsole.Components.Tests.Vms;

/// <summary>Finds wizard controls as a user sees them: radios by their label text, buttons by their text.</summary>
public static class WizardMarkup
{
    public static IElement RadioIn(INodeList nodes, string name)
        => nodes.QuerySelectorAll("label").Single(l => l.QuerySelector("input[type=radio]") is not null && l.TextContent.Trim() == name)
            .QuerySelector("input[type=radio]")!;

    public static IReadOnlyList<string> RadioNames(INodeList nodes)
        => nodes.QuerySelectorAll("label").Where(l => l.QuerySelector("input[type=radio]") is not null).Select(l => l.TextContent.Trim()).ToList();

    public static IElement Button(INodeList nodes, string text)
        => nodes.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == text);
}
