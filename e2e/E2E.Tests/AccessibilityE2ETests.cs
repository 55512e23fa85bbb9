using Deque.AxeCore.Commons;

namespace QubesPoolConsole.E2E.Tests;

/// <summary>
/// axe-core on every page of the console, in the light and in the dark theme: no serious or critical violation.
/// The theme comes from the browser's prefers-color-scheme, as it would from the desktop's setting.
/// </summary>
public class AccessibilityE2ETests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser)
{
    /// <summary>Every routable page (keep in step with the @page directives in src/Components/Pages).</summary>
    public static readonly string[] Pages = ["/", "/pools/default", "/review", "/raw", "/history", "/undo", "/vms/new"];

    private static readonly string[] Blocking = ["serious", "critical"];

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task EveryPage_InTheme_HasNoSeriousOrCriticalAxeViolation(string theme)
    {
        var context = await NewContextAsync(Server, new()
        {
            ColorScheme = theme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
        });
        var problems = new List<string>();

        // The login page, before any session.
        var login = await context.NewPageAsync();
        await login.GotoAsync(Server.BaseUrl + "/login");
        problems.AddRange(await BlockingViolationsAsync(login, "/login"));
        await login.CloseAsync();

        await LoginAsync(Server, context);
        foreach (var path in Pages)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(Server.BaseUrl + path);
            await page.WaitForInteractiveAsync();
            // The toggle reflects the theme in force once the browser's preference has been read.
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Dark theme" }))
                .ToHaveAttributeAsync("aria-pressed", theme == "dark" ? "true" : "false");
            problems.AddRange(await BlockingViolationsAsync(page, path));
            await page.CloseAsync();
        }

        Assert.True(problems.Count == 0, $"{theme} theme:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task Keyboard_TabReachesTheThemeToggle_WithAVisibleFocus_AndEnterSwitchesAndIsRemembered()
    {
        var context = await NewContextAsync(Server, new() { ColorScheme = ColorScheme.Light });
        var page = await OpenLoggedInAsync(Server, context);
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Dark theme" });
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");

        for (int i = 0; i < 30 && !await toggle.EvaluateAsync<bool>("e => e === document.activeElement"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        await Expect(toggle).ToBeFocusedAsync();
        var outline = await toggle.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth");
        Assert.NotEqual("none", outline.Split(' ')[0]);
        Assert.NotEqual("0px", outline.Split(' ')[1]);

        await page.Keyboard.PressAsync("Enter");
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");

        // Remembered: a new page of the same browser profile opens dark although the system says light.
        var again = await context.NewPageAsync();
        await again.GotoAsync(Server.BaseUrl + "/review");
        await again.WaitForInteractiveAsync();
        await Expect(again.GetByRole(AriaRole.Button, new() { Name = "Dark theme" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(again.Locator("html")).ToHaveAttributeAsync("data-qpc-theme", "dark");
    }

    private async Task<IEnumerable<string>> BlockingViolationsAsync(IPage page, string path)
    {
        AxeResult result = await page.RunAxe();
        foreach (var v in result.Violations)
        {
            output.WriteLine($"{path}: {v.Impact} {v.Id} ({v.Nodes.Length} nodes)");
        }
        return result.Violations
            .Where(v => Blocking.Contains(v.Impact))
            .Select(v => $"{path}: {v.Impact} {v.Id}: {v.Help} — " + string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html)));
    }
}
