using System.Net.Sockets;
using QubesPoolConsole.Core.Audit;
using QubesPoolConsole.Core.Backends;
using QubesPoolConsole.Core.Qubesd.Backend;
using QubesPoolConsole.Core.Qubesd.Sandbox;
using QubesPoolConsole.Core.Qubesd.Wire;
using QubesPoolConsole.Server.Configuration;

namespace QubesPoolConsole.Server.Qubesd;

/// <summary>
/// The qubesd backend's services, built once the same way for the web host and the CLI: the client for the
/// backend's socket and the pool reader over it; <see cref="StartSandboxAsync"/> starts the stand-in qubesd when the
/// backend asks for it.
/// </summary>
public sealed class R4Services : IDisposable
{
    private readonly QubesdClient _client;

    private R4Services(ConsoleBackend backend, IAuditLog? audit)
    {
        Backend = backend;
        Audit = audit;
        _client = new QubesdClient(new QubesdClientOptions { SocketPath = backend.SocketPath! });
        Reader = new R4PoolReader(_client);
    }

    /// <summary>The backend these services were built for.</summary>
    public ConsoleBackend Backend { get; }

    /// <summary>The Admin API client for <see cref="ConsoleBackend.SocketPath"/>.</summary>
    public IQubesdClient Client => _client;

    /// <summary>The audit journal applies are written to (the storage.conf backend's, shared); null when none is kept.</summary>
    public IAuditLog? Audit { get; }

    /// <summary>Reads the pools page's view through <see cref="Client"/>.</summary>
    public R4PoolReader Reader { get; }

    /// <summary>Builds the services for a qubesd backend.</summary>
    /// <exception cref="ArgumentException">The backend is not qubesd.</exception>
    public static R4Services For(ConsoleBackend backend, IAuditLog? audit = null)
    {
        if (backend.Kind != BackendKind.Qubesd || backend.SocketPath is null)
            throw new ArgumentException("R4 services need the qubesd backend with a socket path.", nameof(backend));
        return new R4Services(backend, audit);
    }

    /// <summary>
    /// Starts the stand-in qubesd in <see cref="ConsoleBackend.SandboxDirectory"/> (seeded on first start) when the
    /// backend asks for it; null otherwise, and null when a stand-in already answers on the socket (the console runs
    /// on the same folder: the CLI then talks to it, as it would to the one qubesd of a dom0). The caller stops it.
    /// </summary>
    public async Task<QubesdSandbox?> StartSandboxAsync(Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        if (!Backend.StartsSandbox || Backend.SandboxDirectory is not { } dir) return null;
        if (await AnswersAsync(Backend.SocketPath!, cancellationToken).ConfigureAwait(false)) return null;
        Directory.CreateDirectory(Path.GetDirectoryName(dir)!);
        return await QubesdSandbox.StartAsync(new QubesdSandboxOptions
        {
            DataDirectory = dir,
            SocketPath = Backend.SocketPath,
            Release = Backend.SandboxRelease,
            Log = log,
        }, cancellationToken).ConfigureAwait(false);
    }

    // Starting a second stand-in would replace the running one's socket file and leave it unreachable.
    private static async Task<bool> AnswersAsync(string socketPath, CancellationToken cancellationToken)
    {
        if (!File.Exists(socketPath)) return false;
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();
}
