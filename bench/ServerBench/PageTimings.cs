using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace QubesPoolConsole.ServerBench;

/// <summary>What a user waits for in the browser: the pools table becoming interactive, and the filter answering a keystroke.</summary>
public static class PageTimings
{
    private static readonly byte[] RenderBatch = Encoding.UTF8.GetBytes("JS.RenderBatch");

    /// <summary>
    /// Navigates and returns the time until the pools table is interactive: its rows are shown and the Blazor circuit
    /// has delivered its first render batch (after which event handlers are attached), plus one animation frame.
    /// When the page marks itself with <c>data-interactive</c>, that marker must also say true, and rows be shown then.
    /// </summary>
    public static async Task<double> NavigateUntilInteractiveAsync(IPage page, string url)
    {
        var batch = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnWebSocket(object? sender, IWebSocket ws) => ws.FrameReceived += (_, frame) =>
        {
            var bytes = frame.Binary ?? Encoding.UTF8.GetBytes(frame.Text ?? "");
            if (bytes.AsSpan().IndexOf(RenderBatch) >= 0) batch.TrySetResult();
        };
        page.WebSocket += OnWebSocket; // removed at the end: the same tab may be navigated again
        try
        {
            return await TimeAsync(page, url, batch.Task);
        }
        finally
        {
            page.WebSocket -= OnWebSocket;
        }
    }

    /// <summary>
    /// Like <see cref="NavigateUntilInteractiveAsync"/>, and also as the page saw it: from the moment the bench asks for
    /// the navigation until the page itself first had the circuit's interactive marker and its rows, plus one frame,
    /// by the page's clock (<c>performance.timeOrigin</c>). That leaves out the round trips Playwright needs to notice
    /// the same moment (each check above is one), which the user does not wait for.
    /// </summary>
    public static async Task<(double Polled, double InPage)> NavigateUntilInteractiveInPageAsync(IPage page, string url)
    {
        await InstallReadyHookAsync(page);
        var asked = (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;
        var polled = await NavigateUntilInteractiveAsync(page, url);
        return (polled, await ReadyAtAsync(page) - asked);
    }

    /// <summary>
    /// As the page saw it, with nothing of Playwright's in the page until then: navigates (returning at the commit),
    /// then waits inside the page for its own note. The locator waits above inject Playwright's selector engine into
    /// each new document, ~10 ms on the page's main thread right when the circuit starts (a Chromium trace of a
    /// reload, QPC_BENCH_TRACE); a user's browser runs nothing of the kind.
    /// </summary>
    public static async Task<double> NavigateUntilReadyUntouchedAsync(IPage page, string url)
    {
        await InstallReadyHookAsync(page);
        var asked = (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;
        await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Commit });
        return await ReadyAtAsync(page) - asked;
    }

    /// <summary>Makes every later document of the page note when it was first interactive with rows (see below).</summary>
    public static async Task InstallReadyHookAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => window.__qpcReadyHook === true")) await page.AddInitScriptAsync(ReadyHook);
    }

    /// <summary>When the current document was first interactive with rows, plus a frame: Unix time in ms, by the page's clock.</summary>
    public static Task<double> ReadyAtAsync(IPage page) => page.EvaluateAsync<double>(
        "() => new Promise(r => { const f = () => window.__qpcReadyAt ? r(performance.timeOrigin + window.__qpcReadyAt) : setTimeout(f, 10); f(); })");

    // Installed before any script of the page runs: notes the first moment the interactive marker and rows are both
    // there, then one animation frame later (the rows painted), by the page's clock.
    private const string ReadyHook = """
        (() => {
          window.__qpcReadyHook = true;
          const check = () => {
            if (window.__qpcSeen || !document.querySelector('[data-interactive="true"]') || !document.querySelector('table tbody tr')) return;
            window.__qpcSeen = true;
            requestAnimationFrame(() => setTimeout(() => { window.__qpcReadyAt = performance.now(); }, 0));
          };
          new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
        })();
        """;

    /// <summary>
    /// Navigates to a qubesd pool page and returns the time until the circuit is interactive and the page, reading
    /// again as it does on every open, says it holds <paramref name="volumes"/> VM volumes.
    /// </summary>
    public static async Task<double> NavigateUntilVolumesReadAsync(IPage page, string url, int volumes)
    {
        long start = Stopwatch.GetTimestamp();
        await page.GotoAsync(url);
        await page.Locator("[data-interactive='true']").First.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await page.GetByText($"{volumes} VM volume(s)").WaitForAsync(new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Progressbar, new() { Name = "Reading the pool's volumes" }).WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 30_000 });
        await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))");
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static async Task<double> TimeAsync(IPage page, string url, Task batchArrived)
    {
        long start = Stopwatch.GetTimestamp();
        await page.GotoAsync(url);
        var loaded = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        await page.Locator("table tbody tr").First.WaitForAsync(new() { Timeout = 30_000 });
        var rows = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (await Task.WhenAny(batchArrived, Task.Delay(30_000)) != batchArrived) throw new TimeoutException("No render batch from the server: the page never became interactive.");
        var firstBatch = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (await page.Locator("[data-interactive]").CountAsync() > 0)
        {
            await page.Locator("[data-interactive='true']").First.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        }
        // Rows again, now from the circuit: a page that replaced the prerendered rows with a loading state while it
        // read again (the qubesd pools page did until the seventh round) is not ready before they are back.
        await page.Locator("table tbody tr").First.WaitForAsync(new() { Timeout = 30_000 });
        await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))");
        var total = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (Environment.GetEnvironmentVariable("QPC_BENCH_PHASES") == "1")
        {
            Console.WriteLine($"  phases: load event {loaded:F0} ms, rows {rows:F0} ms, first render batch {firstBatch:F0} ms, interactive {total:F0} ms");
        }
        return total;
    }

    /// <summary>The filter box, if the page has one.</summary>
    public static async Task<ILocator?> FindFilterAsync(IPage page)
    {
        var search = page.GetByRole(AriaRole.Searchbox);
        if (await search.CountAsync() > 0) return search.First;
        var box = page.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex("filter|search", RegexOptions.IgnoreCase) });
        if (await box.CountAsync() > 0) return box.First;
        var placeholder = page.GetByPlaceholder(new Regex("filter|search", RegexOptions.IgnoreCase));
        return await placeholder.CountAsync() > 0 ? placeholder.First : null;
    }

    /// <summary>
    /// Types <paramref name="prefix"/> into the filter, then times (in the page, from the keydown) the last
    /// character <paramref name="last"/> until every shown row contains <paramref name="prefix"/> + <paramref name="last"/>.
    /// </summary>
    public static async Task<double> TimeFilterKeystrokeAsync(IPage page, ILocator filter, string prefix, char last)
    {
        await filter.FillAsync("");
        await filter.PressSequentiallyAsync(prefix);
        await page.WaitForFunctionAsync(
            "needle => { const rows = [...document.querySelectorAll('table tbody tr')]; return rows.length > 0 && rows.every(r => r.textContent.includes(needle)); }",
            prefix, new() { Timeout = 30_000 });
        await filter.FocusAsync();
        await page.EvaluateAsync(@"needle => {
            window.__qpcFilterTiming = new Promise(resolve => {
                let start = null;
                const box = document.activeElement;
                box.addEventListener('keydown', () => { start = performance.now(); }, { once: true, capture: true });
                const done = () => {
                    const rows = [...document.querySelectorAll('table tbody tr')];
                    return start !== null && rows.length > 0 && rows.every(r => r.textContent.includes(needle));
                };
                const observer = new MutationObserver(() => { if (done()) { observer.disconnect(); resolve(performance.now() - start); } });
                observer.observe(document.body, { subtree: true, childList: true, characterData: true });
            });
        }", prefix + last);
        await page.Keyboard.PressAsync(last.ToString());
        var timing = page.EvaluateAsync<double>("() => window.__qpcFilterTiming");
        if (await Task.WhenAny(timing, Task.Delay(30_000)) != timing) throw new TimeoutException("The rows did not follow the filter.");
        return await timing;
    }
}
