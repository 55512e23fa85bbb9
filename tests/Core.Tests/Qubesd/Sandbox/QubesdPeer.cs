using System.Diagnostics;

namespace QubesPoolConsole.Core.Tests.Qubesd.Sandbox;

/// <summary>
/// Qubes' own qubesd handlers run offline by <c>../shared/qubesd-peer/start.sh</c>, found through the
/// <c>QPC_QUBESD_PEER</c> environment variable (unset: the tests that need it are skipped).
/// </summary>
internal sealed class QubesdPeer : IDisposable
{
    public const string EnvironmentVariable = "QPC_QUBESD_PEER";

    private readonly Process _process;

    private QubesdPeer(Process process, string socket, string baseDir)
    {
        _process = process;
        Socket = socket;
        BaseDir = baseDir;
    }

    public string Socket { get; }

    public string BaseDir { get; }

    /// <summary>The peer folder, or null when the variable is unset or names no peer.</summary>
    public static string? Folder()
        => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } dir && File.Exists(Path.Combine(dir, "start.sh"))
            ? dir
            : null;

    /// <summary>Starts release4.3 or release4.2 without demo VMs in <paramref name="root"/>; waits until it listens.</summary>
    public static async Task<QubesdPeer> StartAsync(string folder, string release, string root)
    {
        var socket = Path.Combine(root, "peer.sock");
        var baseDir = Path.Combine(root, "peer");
        var ready = Path.Combine(root, "peer.ready");
        var psi = new ProcessStartInfo("bash", [Path.Combine(folder, "start.sh"), "release" + release, socket, baseDir, ready, "--no-vms"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(psi)!;
        _ = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!File.Exists(ready))
        {
            if (process.HasExited) throw new InvalidOperationException("The qubesd peer exited: " + await stderr);
            if (DateTime.UtcNow > deadline)
            {
                process.Kill();
                throw new TimeoutException("The qubesd peer did not start within 60 s.");
            }
            await Task.Delay(50);
        }
        return new QubesdPeer(process, socket, baseDir);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.WaitForExit(5000);
        _process.Dispose();
    }
}
