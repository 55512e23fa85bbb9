using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace QubesPoolConsole.ServerBench;

/// <summary>The published console, started as its own process on a free loopback port against a data folder.</summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<string> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(Process process, string stateDirectory)
    {
        _process = process;
        StateDirectory = stateDirectory;
    }

    /// <summary>http://127.0.0.1:port, once known.</summary>
    public string BaseUrl { get; private set; } = "";

    public string StateDirectory { get; }

    public int Pid => _process.Id;

    /// <summary>When the process was started (Stopwatch timestamp).</summary>
    public long StartedAt { get; private set; }

    /// <summary>
    /// Starts the console as on a machine where it never ran: its cache folder (the JIT profile) is new too, beside
    /// the data folder (not in it: the sandbox is seeded only into a data folder that does not exist yet).
    /// </summary>
    public static ServerProcess Start(string serverDll, string dataDirectory, params string[] extra) =>
        StartWithCache(serverDll, dataDirectory, Path.TrimEndingDirectorySeparator(dataDirectory) + ".cache", extra);

    /// <summary>Starts the console with the given cache folder (XDG_CACHE_HOME), e.g. one an earlier start wrote.</summary>
    public static ServerProcess StartWithCache(string serverDll, string dataDirectory, string cacheDirectory, params string[] extra)
    {
        var state = Path.Combine(dataDirectory, "state");
        // A self-contained publish is started through its own executable, as shipped; a .dll through dotnet.
        bool viaDotnet = serverDll.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var psi = new ProcessStartInfo(viaDotnet ? "dotnet" : serverDll)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (viaDotnet) psi.ArgumentList.Add(serverDll);
        foreach (var a in new[] { "--mode", "Sandbox", "--data", dataDirectory, "--state", state, "--port", "0" }.Concat(extra)) psi.ArgumentList.Add(a);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["XDG_CACHE_HOME"] = cacheDirectory;
        psi.Environment.Remove("CACHE_DIRECTORY");
        // For experiments: QPC_BENCH_SERVER_X=V reaches the console only, as X=V (e.g. a DOTNET_ runtime setting).
        foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            if (e.Key is string key && key.StartsWith("QPC_BENCH_SERVER_", StringComparison.Ordinal)) psi.Environment[key["QPC_BENCH_SERVER_".Length..]] = e.Value as string;
        }
        var process = new Process { StartInfo = psi };
        var server = new ServerProcess(process, state);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && ListeningOn().Match(line) is { Success: true } m) server._address.TrySetResult(m.Groups[1].Value);
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) Console.Error.WriteLine("server: " + line); };
        server.StartedAt = Stopwatch.GetTimestamp();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>
    /// Waits until the pools page is served with its table, and returns the time since the process started.
    /// When the console asks for a login (token URL written to a file in the state folder), logs in first.
    /// </summary>
    public async Task<TimeSpan> WaitUntilPoolsPageServedAsync(HttpClient http, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var exited = _process.WaitForExitAsync();
        var address = await Task.WhenAny(_address.Task, exited, Task.Delay(timeout));
        if (address != _address.Task) throw new InvalidOperationException("The server did not say where it listens (exit: " + (_process.HasExited ? _process.ExitCode : "still running") + ").");
        BaseUrl = _address.Task.Result.TrimEnd('/');
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var response = await http.GetAsync(BaseUrl + "/");
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.OK && body.Contains("<table", StringComparison.OrdinalIgnoreCase))
                {
                    return Stopwatch.GetElapsedTime(StartedAt);
                }
                if (LoginUrl() is { } login) await http.GetAsync(login);
            }
            catch (HttpRequestException) { }
            await Task.Delay(10);
        }
        throw new TimeoutException("The pools page was not served in time.");
    }

    /// <summary>Waits until the console has written its login URL; returns it and the time since the process started.</summary>
    public async Task<(string Url, TimeSpan Elapsed)> WaitForLoginUrlAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var address = await Task.WhenAny(_address.Task, Task.Delay(timeout));
        if (address != _address.Task) throw new TimeoutException("The server did not say where it listens.");
        BaseUrl = _address.Task.Result.TrimEnd('/');
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (LoginUrl() is { } login) return (login, Stopwatch.GetElapsedTime(StartedAt));
            }
            catch (IOException) { } // being written
            await Task.Delay(2);
        }
        throw new TimeoutException("No login URL was written in time.");
    }

    /// <summary>A new browser context that has followed <see cref="LoginUrl"/> (when there is one), so its tabs are signed in.</summary>
    public async Task<IBrowserContext> NewLoggedInContextAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync();
        if (LoginUrl() is { } login)
        {
            var loginPage = await context.NewPageAsync();
            await loginPage.GotoAsync(login);
            await loginPage.CloseAsync();
        }
        return context;
    }

    /// <summary>The one-time login URL the console writes at start (when it has token login), or null.</summary>
    public string? LoginUrl()
    {
        if (!Directory.Exists(StateDirectory)) return null;
        foreach (var file in Directory.EnumerateFiles(StateDirectory, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(file);
            if (!name.Contains("login", StringComparison.OrdinalIgnoreCase) && !name.Contains("url", StringComparison.OrdinalIgnoreCase)) continue;
            var text = File.ReadAllText(file).Trim();
            if (text.StartsWith("http://", StringComparison.Ordinal)) return text.Split('\n')[0].Trim();
        }
        return null;
    }

    /// <summary>Resident memory (VmRSS) of the server process, in MiB.</summary>
    public double ResidentMiB()
    {
        // Diagnostics: QPC_BENCH_SMAPS=DIR keeps the memory map behind each figure (DIR/PID.smaps).
        if (Environment.GetEnvironmentVariable("QPC_BENCH_SMAPS") is { Length: > 0 } keep)
        {
            File.Copy($"/proc/{_process.Id}/smaps", Path.Combine(keep, $"{_process.Id}.smaps"), overwrite: true);
        }
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
            }
        }
        throw new InvalidOperationException("No VmRSS for the server process.");
    }

    /// <summary>CPU time (user + system) the server process has used so far, in milliseconds.</summary>
    public double CpuMs()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // After "pid (comm) ", field 3 is the state; utime and stime are fields 14 and 15 of the whole line.
        return (long.Parse(fields[11]) + long.Parse(fields[12])) * 10.0; // clock ticks of 10 ms (USER_HZ = 100)
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // Stopped as systemd stops it (SIGTERM, then a grace period): what the console writes at a graceful
            // stop is part of what the next start finds.
            _ = Kill(_process.Id, 15);
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        _process.Dispose();
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [GeneratedRegex(@"(http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
