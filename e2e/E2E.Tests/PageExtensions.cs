using Microsoft.Playwright;

namespace QubesPoolConsole.E2E.Tests;

public static class PageExtensions
{
    /// <summary>
    /// Pages are prerendered: a click before the circuit connects is lost. Wait for the marker that only the
    /// interactive render sets. Connecting the circuit is the slowest step when the machine is busy (it took over
    /// Playwright's default 5 s on 2 cores at a load average of 35), so this one wait allows 30 s.
    /// </summary>
    public static async Task WaitForInteractiveAsync(this IPage page)
        => await Assertions.Expect(page.GetByTestId("interactive")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 30_000 });
}
