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
        // Rows again, now from the circuit: a page that reads its data again when interactive (the qubesd pools page)
        // replaces the prerendered rows while it reads, and is not ready before they are back.
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
