using Bunit;
using QubesPoolConsole.Components.Controls;

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
}
