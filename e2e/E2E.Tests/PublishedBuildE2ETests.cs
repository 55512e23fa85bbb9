namespace QubesPoolConsole.E2E.Tests;

/// <summary>The published build runs with no .NET SDK or runtime around it and serves a working console.</summary>
public partial class PublishedBuildE2ETests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser)
{
    protected override bool StartsServer => false; // the published console runs as its own process

    [Fact]
    public async Task PublishedExecutable_WithoutDotnet_LogsInServesAssetsAndListsThePools()
    {
        var publishDir = await PublishedConsole.PublishDirAsync();
        var runtimeConfig = await File.ReadAllTextAsync(Path.Combine(publishDir, "QubesPoolConsole.runtimeconfig.json"));
        Assert.Contains("includedFrameworks", runtimeConfig); // self-contained: the runtime is in the folder

        await using var console = await PublishedConsole.StartAsync(publishDir);
        output.WriteLine($"dotnet hidden behind a tmpfs: {console.DotnetHidden}\n{console.Output}");

        await using var context = await Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        // Log in the way a user does: the printed URL, also kept in the state folder's login-url file.
        var loginFile = Path.Combine(console.DataDirectory, "state", "login-url");
        Assert.Equal(console.LoginUrl, (await File.ReadAllTextAsync(loginFile)).Trim());
        await page.GotoAsync(console.LoginUrl);
        await page.WaitForInteractiveAsync(); // only possible when blazor.web.js was served and the circuit connected

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Storage pools" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "default" })).ToHaveCountAsync(1);
        // The session keys stayed in memory: no data-protection key ring written into the (fresh) home.
        Assert.False(Directory.Exists(Path.Combine(console.Home, ".aspnet")), "a key ring was written under ~/.aspnet");

        // Static assets come from the published manifest (outside Development an unpublished build serves them empty).
        var assets = AssetReference().Matches(await page.ContentAsync()).Select(m => m.Groups[1].Value)
            .Where(a => a.Contains("blazor.web", StringComparison.Ordinal) || a.Contains("MudBlazor.min", StringComparison.Ordinal))
            .Distinct().ToList();
        Assert.Equal(3, assets.Count); // blazor.web.js, MudBlazor.min.css, MudBlazor.min.js
        foreach (var asset in assets)
        {
            var response = await context.APIRequest.GetAsync(console.BaseUrl + "/" + asset.TrimStart('/'));
            Assert.Equal(200, response.Status);
            Assert.True((await response.BodyAsync()).Length > 10_000, $"{asset} is served nearly empty");
        }
    }

    [Fact]
    public async Task PublishedExecutable_StoppedAsSystemdStopsIt_LeavesAJitProfileAndStartsWithItOrWithADamagedOne()
    {
        var publishDir = await PublishedConsole.PublishDirAsync();
        var home = Directory.CreateTempSubdirectory("qpc-published-cache-").FullName;
        var profile = Path.Combine(home, ".cache", "qubes-pool-console", "startup.jitprofile");
        try
        {
            await StartVisitAndStopAsync(publishDir, home);
            var written = new FileInfo(profile);
            Assert.True(written.Exists, "no JIT profile after a graceful stop");
            Assert.True(written.Length > 10_000, $"the JIT profile has only {written.Length} bytes");
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
                File.GetUnixFileMode(Path.GetDirectoryName(profile)!));

            await StartVisitAndStopAsync(publishDir, home); // replaying the first start's profile

            // A damaged profile (a crash while writing, a full disk) is the runtime's to skip, not a failed start.
            var bytes = await File.ReadAllBytesAsync(profile);
            new Random(18).NextBytes(bytes.AsSpan(bytes.Length / 3));
            await File.WriteAllBytesAsync(profile, bytes);
            await StartVisitAndStopAsync(publishDir, home);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    private async Task StartVisitAndStopAsync(string publishDir, string home)
    {
        await using var console = await PublishedConsole.StartAsync(publishDir, home);
        await using var context = await Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(console.LoginUrl);
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "default" })).ToHaveCountAsync(1);
        await context.CloseAsync();
        Assert.Equal(0, await console.StopAsync());
        output.WriteLine(console.Output);
    }

    [GeneratedRegex("(?:href|src)=\"([^\"]+\\.(?:css|js))\"")]
    private static partial Regex AssetReference();
}
