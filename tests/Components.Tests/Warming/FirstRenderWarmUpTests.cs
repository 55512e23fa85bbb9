using QubesPoolConsole.Components.Warming;

namespace QubesPoolConsole.Components.Tests.Warming;

public class FirstRenderWarmUpTests
{
    [Fact]
    public async Task RenderAsync_WithoutConsoleServices_RendersThePoolsGridWithItsFirstPageAndPager()
    {
        var html = await FirstRenderWarmUp.RenderAsync();

        Assert.Contains("<table", html);
        Assert.Contains("sample-00", html);
        Assert.Contains("pending: new", html);
        // One page of rows: the row after the first page is on the pager's second page.
        Assert.DoesNotContain($"sample-{PoolGrid.DefaultPageSize:D2}", html);
        Assert.Contains("mud-table-pagination", html);
    }

    [Fact]
    public async Task StartInBackground_RendersWithoutFailing()
    {
        Assert.Null(await FirstRenderWarmUp.StartInBackground());
    }
}
