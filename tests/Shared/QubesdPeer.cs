using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace QubesPoolConsole.Tests.Shared;

/// <summary>
/// Qubes' own qubesd Admin API handlers (release4.3 or release4.2) on a socket in a fresh temp folder, started
/// through <c>$QPC_QUBESD_PEER/start.sh VERSION SOCKET BASE READY</c> as a process with an argument list, ready when
/// the ready file appears, stopped with SIGTERM (qubesd then saves qubes.xml and exits).
/// </summary>
public abstract class QubesdPeer : IAsyncLifetime
{
    // start.sh may apt-get install python packages on its first run as root.
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(4);

    // One start at a time: on a fresh machine two first starts run apt-get together, and the second fails on dpkg's lock.
    private static readonly SemaphoreSlim Starting = new(1, 1);
    private readonly StringBuilder _log = new();
    private Process? _process;

    private readonly string[] _options;

    /// <summary>A peer for core-admin <paramref name="version"/>; <paramref name="options"/> go to serve.py (e.g. <c>--debug</c>).</summary>
    protected QubesdPeer(string version, params string[] options)
    {
        Version = version;
        _options = options;
    }

    /// <summary>The peer folder from <c>QPC_QUBESD_PEER</c>, or null when unset.</summary>
    public static string? Folder =>
        Environment.GetEnvironmentVariable(PeerFactAttribute.Variable) is { Length: > 0 } dir ? Path.GetFullPath(dir) : null;

    public string Version { get; }

    /// <summary>The temp folder holding the socket, base and ready file.</summary>
    public string Dir { get; private set; } = "";

    public string SocketPath => Path.Combine(Dir, "qubesd.sock");

    /// <summary>The peer's state folder: qubes.xml and the varlibqubes pool.</summary>
    public string BaseDir => Path.Combine(Dir, "base");

    /// <summary>What the peer printed so far (for failure messages).</summary>
    public string Log { get { lock (_log) return _log.ToString(); } }

    public async Task InitializeAsync()
    {
        if (Folder is not { } folder) return;
        await Starting.WaitAsync();
        try
        {
            await StartAsync(folder);
        }
        finally
        {
            Starting.Release();
        }
    }

    private async Task StartAsync(string folder)
    {
        Dir = Directory.CreateTempSubdirectory("qpc-peer-").FullName;
        var ready = Path.Combine(Dir, "ready");
        var start = new ProcessStartInfo(Path.Combine(folder, "start.sh"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Version, SocketPath, BaseDir, ready }.Concat(_options)) start.ArgumentList.Add(arg);
        _process = Process.Start(start) ?? throw new InvalidOperationException("start.sh did not start");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var clock = Stopwatch.StartNew();
        while (!File.Exists(ready))
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The qubesd peer ({Version}) exited with {_process.ExitCode} before it was ready:\n{Log}");
            if (clock.Elapsed > StartLimit)
                throw new TimeoutException($"The qubesd peer ({Version}) was not ready within {StartLimit}:\n{Log}");
            await Task.Delay(50);
        }
    }

    public async Task DisposeAsync()
    {
        if (_process is { } process)
        {
            if (!process.HasExited && Kill(process.Id, SigTerm) != 0) process.Kill(true);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(true);
            }
            process.Dispose();
        }
        if (Dir.Length > 0 && Directory.Exists(Dir)) Directory.Delete(Dir, true);
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
