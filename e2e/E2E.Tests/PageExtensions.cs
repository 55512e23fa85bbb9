using Microsoft.Playwright;

namespace QubesPoolConsole.E2E.Tests;

public static class PageExtensions
{
    /// <summary>
    /// Pages are prerendered: a click before the circuit connects is lost. Wait for the marker that only the
    /// interactive render sets.
    /// </summary>
    public static async Task WaitForInteractiveAsync(this IPage page)
        => await Assertions.Expect(page.GetByTestId("interactive")).ToHaveAttributeAsync("data-interactive", "true");
}
