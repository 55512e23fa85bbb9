namespace QubesPoolConsole.Components.Tests.Controls;

public class DiagnosticBadgeTests : ComponentTestContext
{
    [Theory]
    [InlineData(2, 0, "2 errors")]
    [InlineData(1, 3, "1 error, 3 warnings")]
    [InlineData(0, 1, "1 warning")]
    [InlineData(0, 0, "OK")]
    public void Render_Counts_SaysHowManyOfEach(int errors, int warnings, string expected)
    {
        var cut = Render<DiagnosticBadge>(p => p.Add(x => x.Errors, errors).Add(x => x.Warnings, warnings));

        Assert.Equal(expected, string.Concat(cut.Nodes.Select(n => n.TextContent)).Trim());
    }

    [Theory]
    [InlineData(2, 1, "mud-chip mud-chip-filled mud-chip-size-small mud-chip-color-error", "2 errors, 1 warning")]
    [InlineData(1, 0, "mud-chip mud-chip-filled mud-chip-size-small mud-chip-color-error", "1 error")]
    [InlineData(0, 3, "mud-chip mud-chip-filled mud-chip-size-small mud-chip-color-warning", "3 warnings")]
    [InlineData(0, 0, "mud-chip mud-chip-outlined mud-chip-size-small mud-chip-color-success", "OK")]
    public void Render_Counts_ShowsOneChipColouredByTheWorstFinding(int errors, int warnings, string classes, string text)
    {
        // Given a pool's counts; when the badge renders
        var cut = Render<DiagnosticBadge>(p => p.Add(b => b.Errors, errors).Add(b => b.Warnings, warnings));

        // Then one chip with MudChip's classes for that colour holds the counts
        var chip = Assert.Single(cut.FindAll("span.mud-chip"));
        Assert.Equal(classes, chip.GetAttribute("class"));
        Assert.Equal(text, chip.QuerySelector("span.mud-chip-content")!.TextContent);
    }
}
