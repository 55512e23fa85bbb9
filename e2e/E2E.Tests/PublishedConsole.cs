using System.Runtime.InteropServices;
using System.Text;

namespace QubesPoolConsole.E2E.Tests;

/// <summary>
/// The published, self-contained console (packaging/publish.sh), started as its own executable — not `dotnet run` —
/// with no dotnet on PATH, no DOTNET_ROOT, a fresh HOME and sandbox; as root, the .NET installation is also hidden
/// behind an empty tmpfs in a private mount namespace, so that any use of it would fail.
/// </summary>
public sealed partial class PublishedConsole : IAsyncDisposable
{
    /// <summary>Set by scripts/test.sh to the folder it published; otherwise the test publishes on its own.</summary>
    public const string PublishedDirVariable = "QPC_PUBLISHED_DIR";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<string> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly bool _ownsHome;

    private PublishedConsole(Process process, string home, bool ownsHome, bool dotnetHidden)
    {
        _process = process;
        Home = home;
        _ownsHome = ownsHome;
        DotnetHidden = dotnetHidden;
    }

    public string Home { get; }
    public bool DotnetHidden { get; }
    public string BaseUrl { get; private set; } = "";

    /// <summary>The login URL the console printed (with this start's token).</summary>
    public string LoginUrl { get; private set; } = "";
    public string DataDirectory => Path.Combine(Home, "sandbox");

    /// <summary>Everything the console printed so far (stdout and stderr).</summary>
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>Starts the console with a fresh HOME, or with <paramref name="home"/> (kept when it stops) to see what an earlier start left there.</summary>
    public static async Task<PublishedConsole> StartAsync(string publishDir, string? home = null)
    {
        var exe = Path.Combine(publishDir, "QubesPoolConsole");
        bool ownsHome = home is null;
        home ??= Directory.CreateTempSubdirectory("qpc-published-").FullName;
        var dotnetRoot = DotnetRoot();
        var hide = Environment.UserName == "root" && File.Exists("/usr/bin/unshare") && dotnetRoot is not null;

        var start = new ProcessStartInfo(hide ? "/usr/bin/unshare" : exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = home,
        };
        if (hide)
        {
            // The script is fixed; every path travels as an argument.
            foreach (var a in new[] { "--mount", "--propagation", "private", "--", "/bin/sh", "-c",
                         "/bin/mount -t tmpfs none \"$1\" && shift && exec \"$@\"", "sh", dotnetRoot!, exe })
            {
                start.ArgumentList.Add(a);
            }
        }
        foreach (var a in new[] { "--mode", "Sandbox", "--data", Path.Combine(home, "sandbox"), "--port", "0" })
        {
            start.ArgumentList.Add(a);
        }
        start.Environment.Clear();
        // No folder with dotnet in it (dotnet lives in /usr/bin here), no DOTNET_ROOT.
        start.Environment["PATH"] = Path.Combine(home, "bin");
        start.Environment["HOME"] = home;
        start.Environment["LANG"] = "C.UTF-8";

        var console = new PublishedConsole(Process.Start(start)!, home, ownsHome, hide);
        console._process.OutputDataReceived += (_, e) => console.OnLine(e.Data);
        console._process.ErrorDataReceived += (_, e) => console.OnLine(e.Data);
        console._process.BeginOutputReadLine();
        console._process.BeginErrorReadLine();
        _ = console._process.WaitForExitAsync().ContinueWith(_ =>
            console._address.TrySetException(new InvalidOperationException($"The published console exited with code {console._process.ExitCode}:\n{console.Output}")));

        var finished = await Task.WhenAny(console._address.Task, Task.Delay(TimeSpan.FromSeconds(60)));
        if (finished != console._address.Task)
        {
            await console.DisposeAsync();
            throw new TimeoutException("The published console did not print its login URL within 60 s:\n" + console.Output);
        }
        console.LoginUrl = await console._address.Task;
        console.BaseUrl = new Uri(console.LoginUrl).GetLeftPart(UriPartial.Authority);
        return console;
    }

    /// <summary>The published folder: scripts/test.sh's, or a fresh publish into artifacts/e2e-publish.</summary>
    public static async Task<string> PublishDirAsync()
    {
        var given = Environment.GetEnvironmentVariable(PublishedDirVariable);
        if (!string.IsNullOrEmpty(given)) return given;
        var repo = RepoRoot();
        var dir = Path.Combine(repo, "artifacts", "e2e-publish");
        var start = new ProcessStartInfo("/bin/bash") { WorkingDirectory = repo, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(repo, "packaging", "publish.sh"));
        start.ArgumentList.Add(dir);
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var errors = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) throw new InvalidOperationException($"publish.sh failed:\n{await output}\n{await errors}");
        return dir;
    }

    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "WebConsole.sln"))) return d.FullName;
        }
        throw new InvalidOperationException("WebConsole.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The .NET installation running these tests (…/shared/Microsoft.NETCore.App/VERSION/ → its root).</summary>
    private static string? DotnetRoot()
    {
        var runtime = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory());
        return runtime.Parent?.Parent?.Parent?.FullName;
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        var m = ListeningLine().Match(line);
        if (m.Success) _address.TrySetResult(m.Groups[1].Value);
    }

    [GeneratedRegex(@"Open the console: (http://127\.0\.0\.1:\d+/login\?t=\S+)")]
    private static partial Regex ListeningLine();

    /// <summary>Stops the console as systemd does (SIGTERM) and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        Assert.Equal(0, Kill(_process.Id, 15));
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _process.WaitForExitAsync(grace.Token);
        return _process.ExitCode;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        if (!_ownsHome) return;
        try { Directory.Delete(Home, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
