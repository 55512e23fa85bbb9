using System.Diagnostics;
using Microsoft.Playwright;
using QubesPoolConsole.ServerBench;

// Usage: ServerBench SERVER_DLL BIG_CONF BIG_QUBES_XML WORK_DIR
// Prints "name: value" lines; see bench/server.sh.
if (args.Length != 4)
{
    Console.Error.WriteLine("usage: ServerBench SERVER_DLL BIG_CONF BIG_QUBES_XML WORK_DIR");
    return 2;
}
var (serverDll, bigConf, bigXml, work) = (args[0], args[1], args[2], args[3]);
const int Settle = 3000; // ms after the last action before reading resident memory
const int CloseSettle = 1000; // ms after closing a tab before the next navigation (the new-tab figure)

using var playwright = await Playwright.CreateAsync();
var launch = new BrowserTypeLaunchOptions
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
};
using var http = new HttpClient(new HttpClientHandler { UseCookies = true, AllowAutoRedirect = true }) { Timeout = TimeSpan.FromSeconds(30) };

// QPC_BENCH_ONLY_R4=1 runs only the R4 parts (3 and 4); QPC_BENCH_ONLY_START=1 only part 0.
bool storageConfParts = Environment.GetEnvironmentVariable("QPC_BENCH_ONLY_R4") != "1" && Environment.GetEnvironmentVariable("QPC_BENCH_ONLY_START") != "1";

// 0. As a user meets it (issue 18): Chromium already open, the console started, its login URL opened the moment it
// is written; the time from process start until the pools page is interactive, the resident memory then, and the
// page loaded again in the same tab until interactive (median of 7). Three times (QPC_BENCH_START_RUNS): each a first start on a machine
// where the console never ran (no JIT profile), stopped as systemd stops it, then a later start with the profile the
// first one wrote (fresh data folder, same cache folder).
if (Environment.GetEnvironmentVariable("QPC_BENCH_ONLY_R4") != "1")
{
    await using var browser = await playwright.Chromium.LaunchAsync(launch);
    var firsts = new List<double>();
    var laters = new List<double>();
    var firstsInPage = new List<double>();
    var latersInPage = new List<double>();
    var logins = new List<double>();
    var loginsLater = new List<double>();
    var reloads = new List<double>();
    var reloadsInPage = new List<double>();
    var reloadsUntouched = new List<double>();
    var rssFirst = new List<double>();
    var rssLater = new List<double>();
    bool timeline = Environment.GetEnvironmentVariable("QPC_BENCH_TIMELINE") == "1";
    int runs = int.TryParse(Environment.GetEnvironmentVariable("QPC_BENCH_START_RUNS"), out var n) && n > 0 ? n : 3;
    for (int run = 0; run < runs; run++)
    {
        var cache = Path.Combine(work, $"cache-{run}");
        foreach (bool later in new[] { false, true })
        {
            // The tab is open before the console starts, so that its own start-up is not counted as the console's.
            var context = await browser.NewContextAsync();
            var page = await context.NewPageAsync();
            await page.GotoAsync("about:blank");
            await Task.Delay(Settle);
            if (timeline) await PageTimeline.HookAsync(page);
            await PageTimings.InstallReadyHookAsync(page);
            await using var server = ServerProcess.StartWithCache(serverDll, Path.Combine(work, later ? $"later-{run}" : $"first-{run}"), cache);
            var (login, printed) = await server.WaitForLoginUrlAsync(TimeSpan.FromSeconds(120));
            await page.GotoAsync(login);
            var loaded = Stopwatch.GetElapsedTime(server.StartedAt).TotalMilliseconds;
            await page.Locator("[data-interactive='true']").First.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
            if (Environment.GetEnvironmentVariable("QPC_BENCH_PHASES") == "1")
                Console.WriteLine($"  phases ({(later ? "later" : "first")} start): login URL {printed.TotalMilliseconds:F0} ms, page loaded {loaded:F0} ms, interactive {Stopwatch.GetElapsedTime(server.StartedAt).TotalMilliseconds:F0} ms");
            await page.Locator("table tbody tr").First.WaitForAsync(new() { Timeout = 60_000 });
            await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))");
            (later ? laters : firsts).Add(Stopwatch.GetElapsedTime(server.StartedAt).TotalMilliseconds);
            var processStart = (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds - Stopwatch.GetElapsedTime(server.StartedAt).TotalMilliseconds;
            (later ? latersInPage : firstsInPage).Add(await PageTimings.ReadyAtAsync(page) - processStart);
            (later ? loginsLater : logins).Add(printed.TotalMilliseconds);
            if (timeline) await PageTimeline.PrintAsync(page, DateTimeOffset.UtcNow - Stopwatch.GetElapsedTime(server.StartedAt));
            await Task.Delay(Settle);
            (later ? rssLater : rssFirst).Add(server.ResidentMiB());
            for (int i = 0; i < 7; i++)
            {
                var (polled, inPage) = await PageTimings.NavigateUntilInteractiveInPageAsync(page, server.BaseUrl + "/");
                reloads.Add(polled);
                reloadsInPage.Add(inPage);
            }
            for (int i = 0; i < 7; i++) reloadsUntouched.Add(await PageTimings.NavigateUntilReadyUntouchedAsync(page, server.BaseUrl + "/"));
            if (timeline) await PageTimeline.PrintReloadAsync(page, server.BaseUrl + "/");
            await context.CloseAsync();
        }
    }
    Console.WriteLine($"start to login URL written: first start {string.Join(", ", logins.Select(t => $"{t:F0}"))} ms, later start {string.Join(", ", loginsLater.Select(t => $"{t:F0}"))} ms");
    Console.WriteLine($"start to first interactive pools page (login URL opened at once), first start on the machine: {string.Join(", ", firsts.Select(t => $"{t:F0}"))} ms, median {Median(firsts):F0} ms");
    Console.WriteLine($"start to first interactive pools page (login URL opened at once), a later start: {string.Join(", ", laters.Select(t => $"{t:F0}"))} ms, median {Median(laters):F0} ms");
    Console.WriteLine($"the same as the page saw it: first start {string.Join(", ", firstsInPage.Select(t => $"{t:F0}"))} ms, median {Median(firstsInPage):F0} ms; later start {string.Join(", ", latersInPage.Select(t => $"{t:F0}"))} ms, median {Median(latersInPage):F0} ms");
    Console.WriteLine($"resident memory after the first page: first start {string.Join(", ", rssFirst.Select(m => $"{m:F1}"))} MiB, later start {string.Join(", ", rssLater.Select(m => $"{m:F1}"))} MiB");
    Console.WriteLine($"reload of the pools page until interactive, median of {reloads.Count}: {Median(reloads):F0} ms (min {reloads.Min():F0}, max {reloads.Max():F0})");
    Console.WriteLine($"reload of the pools page until interactive as the page saw it, median of {reloadsInPage.Count}: {Median(reloadsInPage):F0} ms (min {reloadsInPage.Min():F0}, max {reloadsInPage.Max():F0})");
    Console.WriteLine($"the same with nothing of Playwright's in the page until then, median of {reloadsUntouched.Count}: {Median(reloadsUntouched):F0} ms (min {reloadsUntouched.Min():F0}, max {reloadsUntouched.Max():F0})");
}

// 1. The sandbox as shipped: start time, idle memory, memory per open tab.
if (storageConfParts)
{
    var data = Path.Combine(work, "sandbox");
    await using var server = ServerProcess.Start(serverDll, data);
    var started = await server.WaitUntilPoolsPageServedAsync(http, TimeSpan.FromSeconds(120));
    Console.WriteLine($"start to pools page served (sandbox): {started.TotalMilliseconds:F0} ms");
    await Task.Delay(Settle);
    Console.WriteLine($"resident memory idle: {server.ResidentMiB():F1} MiB");

    await using var browser = await playwright.Chromium.LaunchAsync(launch);
    var context = await server.NewLoggedInContextAsync(browser);
    var rss = new Dictionary<int, double>();
    var sandboxTimes = new List<double>();
    for (int tab = 1; tab <= 20; tab++)
    {
        var page = await context.NewPageAsync();
        sandboxTimes.Add(await PageTimings.NavigateUntilInteractiveAsync(page, server.BaseUrl + "/"));
        if (tab is 1 or 10 or 20)
        {
            await Task.Delay(Settle);
            rss[tab] = server.ResidentMiB();
            Console.WriteLine($"resident memory with {tab} tab(s) open: {rss[tab]:F1} MiB");
        }
    }
    Console.WriteLine($"resident memory per additional tab: {(rss[20] - rss[1]) / 19:F2} MiB");
    // The same measure as for the 1,000-pool page below, on the sandbox's few pools: the floor that the machine and
    // Blazor's circuit start give, to compare the big page with in the same run.
    Console.WriteLine($"navigation to interactive pools table (sandbox), median of tabs 2-20: {Median(sandboxTimes.Skip(1)):F0} ms");
}

// 2. A 1,000-pool storage.conf: start time, navigation to interactive, filter keystroke to rows.
if (storageConfParts)
{
    var data = Path.Combine(work, "big");
    Directory.CreateDirectory(Path.Combine(data, "etc", "qubes"));
    Directory.CreateDirectory(Path.Combine(data, "var", "lib", "qubes"));
    File.Copy(bigConf, Path.Combine(data, "etc", "qubes", "storage.conf"), overwrite: true);
    File.Copy(bigXml, Path.Combine(data, "var", "lib", "qubes", "qubes.xml"), overwrite: true);
    await using var server = ServerProcess.Start(serverDll, data);
    var started = await server.WaitUntilPoolsPageServedAsync(http, TimeSpan.FromSeconds(120));
    Console.WriteLine($"start to pools page served (1,000 pools): {started.TotalMilliseconds:F0} ms");

    await using var browser = await playwright.Chromium.LaunchAsync(launch);
    var context = await server.NewLoggedInContextAsync(browser);
    var times = new List<double>();
    bool phases = Environment.GetEnvironmentVariable("QPC_BENCH_PHASES") == "1";
    int navigations = int.TryParse(Environment.GetEnvironmentVariable("QPC_BENCH_NAVIGATIONS"), out var n) ? n : 6;
    // The first navigation in a new tab, then the page loaded again in the same tab, as a user comes back to it
    // (a reload, the address typed again): each is a full page load with a new Blazor circuit, the previous one
    // being closed by the browser meanwhile.
    var last = await context.NewPageAsync();
    for (int i = 0; i < navigations; i++)
    {
        var cpu = server.CpuMs();
        times.Add(await PageTimings.NavigateUntilInteractiveAsync(last, server.BaseUrl + "/"));
        if (phases) Console.WriteLine($"  server CPU for this navigation: {server.CpuMs() - cpu:F0} ms");
    }
    Console.WriteLine($"navigation to interactive pools table (1,000 pools), first: {times[0]:F0} ms");
    Console.WriteLine($"navigation to interactive pools table (1,000 pools), median of next {times.Count - 1}: {Median(times.Skip(1)):F0} ms");
    Console.WriteLine($"resident memory with the 1,000-pool page open: {server.ResidentMiB():F1} MiB");

    // For information, the second round's method: each navigation in a new tab, the previous tab closed first (and
    // 1 s to finish closing). With no other tab of the site left, Chromium starts a new renderer process for it.
    var newTabTimes = new List<double>();
    var spare = last;
    for (int i = 0; i < 3; i++)
    {
        await spare.CloseAsync();
        await Task.Delay(CloseSettle);
        spare = await context.NewPageAsync();
        newTabTimes.Add(await PageTimings.NavigateUntilInteractiveAsync(spare, server.BaseUrl + "/"));
    }
    last = spare;
    Console.WriteLine($"navigation to interactive pools table (1,000 pools), each in a new tab after closing the last one, median of 3: {Median(newTabTimes):F0} ms (for information)");

    if (await PageTimings.FindFilterAsync(last) is not { } filter)
    {
        Console.WriteLine("filter keystroke to updated rows: skipped - the pools page has no filter box yet (it is being built on branch 'pool-ui').");
    }
    else
    {
        var keystrokes = new List<double>();
        for (int i = 0; i < 6; i++) keystrokes.Add(await PageTimings.TimeFilterKeystrokeAsync(last, filter, "pool-009", '9'));
        Console.WriteLine($"filter keystroke to updated rows (1,000 pools), median of {keystrokes.Count}: {Median(keystrokes):F0} ms (min {keystrokes.Min():F0}, max {keystrokes.Max():F0})");
    }
}

// 3. The R4 sandbox grown to 30 pools and 300 VM volumes (100 AppVMs): navigation until the qubesd pools table is
// interactive (each navigation reads every pool's Info and UsageDetails and every VM's volumes from the stand-in).
bool r4Parts = Environment.GetEnvironmentVariable("QPC_BENCH_R4") != "0" && Environment.GetEnvironmentVariable("QPC_BENCH_ONLY_START") != "1";
if (r4Parts)
{
    await using var server = await StartGrownR4Async(Path.Combine(work, "r4"), pools: 30, vms: 100);
    var started = await server.WaitUntilPoolsPageServedAsync(http, TimeSpan.FromSeconds(120));
    Console.WriteLine($"start to pools page served (R4 sandbox, 30 pools, 300 volumes): {started.TotalMilliseconds:F0} ms");
    await using var browser = await playwright.Chromium.LaunchAsync(launch);
    var context = await server.NewLoggedInContextAsync(browser);
    var page = await context.NewPageAsync();
    var times = new List<double>();
    for (int i = 0; i < 6; i++) times.Add(await PageTimings.NavigateUntilInteractiveAsync(page, server.BaseUrl + "/"));
    var rows = await page.Locator("table tbody tr").CountAsync();
    Console.WriteLine($"navigation to interactive pools table (R4 sandbox, {rows} rows), first: {times[0]:F0} ms, median of next 5: {Median(times.Skip(1)):F0} ms");
}
// 4. One pool holding 300 VM volumes (150 AppVMs' private and volatile): navigation to that pool's page until it is
// interactive and every volume row is read (the page reads admin.vm.List, then each VM's volumes, 8 VMs at a time).
if (r4Parts)
{
    await using var server = await StartGrownR4Async(Path.Combine(work, "r4-one"), pools: 4, vms: 150);
    await server.WaitUntilPoolsPageServedAsync(http, TimeSpan.FromSeconds(120));
    await using var browser = await playwright.Chromium.LaunchAsync(launch);
    var context = await server.NewLoggedInContextAsync(browser);
    var page = await context.NewPageAsync();
    var times = new List<double>();
    for (int i = 0; i < 6; i++) times.Add(await PageTimings.NavigateUntilVolumesReadAsync(page, server.BaseUrl + "/pools/bench01", 300));
    Console.WriteLine($"navigation to interactive pool page with 300 volumes (R4 sandbox), first: {times[0]:F0} ms, median of next 5: {Median(times.Skip(1)):F0} ms");
}
return 0;

// A console on the R4 sandbox in DATA: started once to seed it, grown (R4BenchState.Grow), started again.
async Task<ServerProcess> StartGrownR4Async(string data, int pools, int vms)
{
    await using (var seed = ServerProcess.Start(serverDll, data, "--r4"))
    {
        await seed.WaitUntilPoolsPageServedAsync(http, TimeSpan.FromSeconds(120));
    }
    R4BenchState.Grow(Path.Combine(data, "r4"), pools, vms);
    return ServerProcess.Start(serverDll, data, "--r4");
}

static double Median(IEnumerable<double> values)
{
    var v = values.Order().ToArray();
    return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
}
