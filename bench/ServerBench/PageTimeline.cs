using Microsoft.Playwright;

namespace QubesPoolConsole.ServerBench;

/// <summary>
/// Diagnostics for the reload (QPC_BENCH_TIMELINE=1): one navigation's timeline as the page saw it — navigation
/// timing, every resource, every WebSocket frame, and the moment the interactive marker flipped.
/// </summary>
public static class PageTimeline
{
    private const string Hook = """
        (() => {
          const log = window.__qpcTimeline = [];
          const mark = (what) => log.push([performance.now(), what]);
          const Native = window.WebSocket;
          window.WebSocket = function (url, protocols) {
            const ws = new Native(url, protocols);
            mark('ws new');
            ws.addEventListener('open', () => mark('ws open'));
            ws.addEventListener('message', e => mark('ws in ' + (e.data.byteLength ?? e.data.length)));
            const send = ws.send.bind(ws);
            ws.send = d => { mark('ws out ' + (d.byteLength ?? d.length)); send(d); };
            return ws;
          };
          window.WebSocket.prototype = Native.prototype;
          Object.assign(window.WebSocket, { OPEN: 1, CLOSED: 3, CONNECTING: 0, CLOSING: 2 });
          document.addEventListener('DOMContentLoaded', () => mark('DOMContentLoaded'));
          new MutationObserver(() => {
            const el = document.querySelector('[data-interactive="true"]');
            if (el && !window.__qpcInteractive) { window.__qpcInteractive = true; mark('interactive marker'); }
          }).observe(document, { subtree: true, childList: true, attributes: true });
        })();
        """;

    public static Task HookAsync(IPage page) => page.AddInitScriptAsync(Hook);

    public static async Task PrintReloadAsync(IPage page, string url)
    {
        // QPC_BENCH_TRACE=FILE also keeps Chromium's trace of that reload (devtools timeline and V8; chrome://tracing).
        var trace = Environment.GetEnvironmentVariable("QPC_BENCH_TRACE");
        if (trace is not { Length: > 0 })
        {
            await PageTimings.NavigateUntilInteractiveAsync(page, url);
        }
        else
        {
            var cdp = await page.Context.NewCDPSessionAsync(page);
            var events = new List<System.Text.Json.JsonElement>();
            var complete = new TaskCompletionSource();
            cdp.Event("Tracing.dataCollected").OnEvent += (_, e) =>
            {
                if (e?.GetProperty("value") is { } value) lock (events) events.AddRange(value.EnumerateArray().Select(x => x.Clone()));
            };
            cdp.Event("Tracing.tracingComplete").OnEvent += (_, _) => complete.TrySetResult();
            await cdp.SendAsync("Tracing.start", new Dictionary<string, object>
            {
                ["categories"] = "devtools.timeline,v8.execute,disabled-by-default-devtools.timeline,blink,loading,toplevel",
                ["transferMode"] = "ReportEvents",
            });
            await PageTimings.NavigateUntilInteractiveAsync(page, url);
            await cdp.SendAsync("Tracing.end");
            await complete.Task.WaitAsync(TimeSpan.FromSeconds(30));
            lock (events) File.WriteAllText(trace, System.Text.Json.JsonSerializer.Serialize(new { traceEvents = events }));
        }
        await PrintAsync(page, null);
    }

    /// <summary>Prints the timeline; with <paramref name="processStart"/>, also where the document's time 0 lies after it.</summary>
    public static async Task PrintAsync(IPage page, DateTimeOffset? processStart)
    {
        await Task.Delay(500);
        if (processStart is { } start)
        {
            var origin = await page.EvaluateAsync<double>("() => performance.timeOrigin");
            Console.WriteLine($"  timeline: document time 0 at {origin - start.ToUnixTimeMilliseconds():F0} ms after the process start");
        }
        var lines = await page.EvaluateAsync<string[]>("""
            () => {
              const out = [];
              const n = performance.getEntriesByType('navigation')[0];
              out.push(`navigation: request ${n.requestStart.toFixed(1)} response ${n.responseStart.toFixed(1)}-${n.responseEnd.toFixed(1)} domInteractive ${n.domInteractive.toFixed(1)} DCL ${n.domContentLoadedEventEnd.toFixed(1)} load ${n.loadEventEnd.toFixed(1)}`);
              for (const r of performance.getEntriesByType('resource'))
                out.push(`${r.startTime.toFixed(1)}-${r.responseEnd.toFixed(1)} ${r.initiatorType} ${r.transferSize}B ${r.name.replace(location.origin, '')}`);
              for (const [t, w] of window.__qpcTimeline) out.push(`${t.toFixed(1)} ${w}`);
              return out;
            }
            """);
        foreach (var line in lines) Console.WriteLine("  timeline: " + line);
    }
}
