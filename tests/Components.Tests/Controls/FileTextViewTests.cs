using QubesPoolConsole.Core.Diagnostics;

namespace QubesPoolConsole.Components.Tests.Controls;

public class FileTextViewTests : ComponentTestContext
{
    [Fact]
    public void Render_Text_NumbersEveryLineAndKeepsBlankLines()
    {
        var cut = Render<FileTextView>(p => p.Add(x => x.Text, "[default]\n\ndriver=xen\n"));

        var rows = cut.FindAll("tr.qpc-file-line");
        Assert.Equal(3, rows.Count);
        Assert.Equal(["1", "2", "3"], rows.Select(r => r.QuerySelector(".qpc-file-num")!.TextContent));
        Assert.Equal("", rows[1].QuerySelector(".qpc-file-text")!.TextContent);
        Assert.Empty(cut.FindAll("tr.qpc-file-nonewline"));
    }

    [Fact]
    public void Render_ErrorOnALine_MarksThatLineWithTheMessage()
    {
        var error = Diagnostic.Error(DiagnosticCodes.KeyBeforeSection, "A key before any section.", 1);

        var cut = Render<FileTextView>(p => p.Add(x => x.Text, "driver=xen\n[default]").Add(x => x.Diagnostics, [error]));

        var first = cut.FindAll("tr.qpc-file-line")[0];
        Assert.Contains("qpc-file-error", first.ClassName);
        Assert.Equal("A key before any section.", first.GetAttribute("title"));
        Assert.Contains(@"\ No newline at end of file", cut.Find("tr.qpc-file-nonewline").TextContent);
    }
}
