using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace QubesPoolConsole.E2E.Tests;

/// <summary>The published build runs with no .NET SDK or runtime around it and serves a working console.</summary>
[Collection(BrowserCollection.Name)]
public partial class PublishedBuildE2ETests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task PublishedExecutable_WithoutDotnet_ServesAssetsAndListsThePools()
    {
        var publishDir = await PublishedConsole.PublishDirAsync();
        var runtimeConfig = await File.ReadAllTextAsync(Path.Combine(publishDir, "QubesPoolConsole.runtimeconfig.json"));
        Assert.Contains("includedFrameworks", runtimeConfig); // self-contained: the runtime is in the folder

        await using var console = await PublishedConsole.StartAsync(publishDir);
        output.WriteLine($"dotnet hidden behind a tmpfs: {console.DotnetHidden}\n{console.Output}");

        // Static assets come from the published manifest (outside Development they are empty when not published).
        using var http = new HttpClient { BaseAddress = new Uri(console.BaseUrl) };
        var html = await http.GetStringAsync("/");
        foreach (var asset in AssetReference().Matches(html).Select(m => m.Groups[1].Value)
                     .Where(a => a.Contains("blazor.web", StringComparison.Ordinal) || a.Contains("MudBlazor.min", StringComparison.Ordinal)))
        {
            var bytes = await http.GetByteArrayAsync(asset);
            Assert.True(bytes.Length > 10_000, $"{asset} is served with only {bytes.Length} bytes");
        }
        Assert.Equal(3, AssetReference().Matches(html).Count(m => m.Groups[1].Value.Contains("blazor.web", StringComparison.Ordinal)
            || m.Groups[1].Value.Contains("MudBlazor.min", StringComparison.Ordinal)));

        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(console.BaseUrl + "/");
        await page.WaitForInteractiveAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Storage pools" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "default" })).ToHaveCountAsync(1);
    }

    [GeneratedRegex("(?:href|src)=\"([^\"]+\\.(?:css|js))\"")]
    private static partial Regex AssetReference();
}
