using System.Net.Sockets;
using System.Threading.Channels;

namespace QubesPoolConsole.Core.Qubesd.Sandbox;

/// <summary>
/// A stand-in qubesd for running the console off Qubes: listens on a UNIX socket, speaks qubesd's wire protocol
/// (one call per connection, request read to EOF, at most 65536 bytes), and answers the Admin API pool, property
/// and VM calls as R4.3 (or R4.2) does. State lives in a qubes.xml in <see cref="QubesdSandboxOptions.DataDirectory"/>,
/// written atomically after every change and reloaded on start. file and file-reflink pools are real directories
/// (the reflink probe is a real FICLONE); lvm_thin and zfs are simulated from the options.
/// </summary>
/// <example><code>
/// await using var qubesd = await QubesdSandbox.StartAsync(new() { DataDirectory = "/var/tmp/qpc/r4" });
/// // connect to qubesd.SocketPath …
/// </code></example>
public sealed class QubesdSandbox : IAsyncDisposable
{
    /// <summary>qubesd's <c>buffer_size</c>: a longer request is aborted.</summary>
    public const int MaxRequestBytes = 65536;

    private readonly Socket _listener;
    private readonly AdminApi _api;
    private readonly SandboxEvents _events = new();
    private readonly SemaphoreSlim _oneCallAtATime = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Action<string> _log;
    private readonly HashSet<Task> _connections = [];
    private Task _acceptLoop = Task.CompletedTask;
    private int _stopped;

    private QubesdSandbox(string socketPath, string storePath, Socket listener, AdminApi api, Action<string> log)
    {
        SocketPath = socketPath;
        StorePath = storePath;
        _listener = listener;
        _api = api;
        _log = log;
    }

    /// <summary>The socket the stand-in listens on.</summary>
    public string SocketPath { get; }

    /// <summary>Its qubes.xml.</summary>
    public string StorePath { get; }

    /// <summary>Loads (or seeds) the state and starts listening.</summary>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    /// <exception cref="IOException">The data folder or the socket cannot be made.</exception>
    public static Task<QubesdSandbox> StartAsync(QubesdSandboxOptions options, CancellationToken cancellationToken = default)
    {
        options.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        var log = options.Log ?? (_ => { });
        var env = new SandboxEnvironment(options);
        Directory.CreateDirectory(env.BaseDir);
        var store = Path.Combine(env.BaseDir, "qubes.xml");
        var state = File.Exists(store) ? QubesXmlStore.Load(store, env, log) : SandboxSeed.Initial(env, options.Seed);
        void Save() => QubesXmlStore.Save(store, state);
        if (!File.Exists(store)) Save();

        var socketPath = Path.GetFullPath(options.SocketPath ?? Path.Combine(env.BaseDir, "qubesd.sock"));
        // create_servers(force=True): a stale socket file from an earlier run is replaced.
        if (File.Exists(socketPath)) File.Delete(socketPath);
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            listener.Bind(new UnixDomainSocketEndPoint(socketPath));
            listener.Listen(128);
        }
        catch
        {
            listener.Dispose();
            throw;
        }
        // qubesd's socket is srwxrwx--- root:qubes; here the owner's group stands in for "qubes".
        File.SetUnixFileMode(socketPath, (UnixFileMode)0b111_111_000);
        var sandbox = new QubesdSandbox(socketPath, store, listener, new AdminApi(env, state, Save), log);
        sandbox._acceptLoop = Task.Run(sandbox.AcceptLoopAsync);
        return Task.FromResult(sandbox);
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            var task = Task.Run(() => ServeAsync(client));
            lock (_connections) _connections.Add(task);
            _ = task.ContinueWith(t => { lock (_connections) _connections.Remove(t); }, TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(Socket client)
    {
        using (client)
        {
            try
            {
                var request = await ReadRequestAsync(client);
                if (request is null) return;
                var parsed = WireRequest.Parse(request);
                if (parsed is null)
                {
                    _log("framing error");
                    return;
                }
                if (parsed.Method.AsSpan().SequenceEqual("admin.Events"u8))
                {
                    await StreamEventsAsync(client, parsed);
                    return;
                }
                byte[] reply;
                string? journal;
                await _oneCallAtATime.WaitAsync(_stopping.Token);
                try
                {
                    reply = _api.Handle(parsed, out journal, out var fired);
                    // Queued under the call lock, so every stream sees the events in the order the calls ran.
                    _events.Publish(fired);
                }
                finally { _oneCallAtATime.Release(); }
                if (journal is not null) _log(journal);
                if (reply.Length == 0) return; // abort: the client reads no bytes
                await client.SendAsync(reply, SocketFlags.None, _stopping.Token);
                client.Shutdown(SocketShutdown.Send);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // The client went away or the stand-in is stopping.
            }
            catch (Exception ex)
            {
                // A bug in the stand-in: qubesd would log it and abort the connection; so do we.
                _log("unhandled exception: " + ex);
            }
        }
    }

    /// <summary>
    /// <c>admin.Events</c>: <c>connection-established</c>, then every event as calls fire them, until the client goes
    /// away or the stand-in stops (the stream then ends with EOF, as when qubesd restarts).
    /// </summary>
    private async Task StreamEventsAsync(Socket client, WireRequest request)
    {
        ChannelReader<byte[]> queue;
        IDisposable subscription;
        await _oneCallAtATime.WaitAsync(_stopping.Token);
        try
        {
            var refusal = _api.OpenEvents(request, out var subject, out var journal);
            if (refusal is not null)
            {
                if (journal is not null) _log(journal);
                if (refusal.Length > 0)
                {
                    await client.SendAsync(refusal, SocketFlags.None, _stopping.Token);
                    client.Shutdown(SocketShutdown.Send);
                }
                return;
            }
            (queue, subscription) = _events.Subscribe(subject);
        }
        finally { _oneCallAtATime.Release(); }
        using (subscription)
        {
            try
            {
                await foreach (var frame in queue.ReadAllAsync(_stopping.Token))
                    await client.SendAsync(frame, SocketFlags.None, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                // Stopping: close the stream the way a qubesd restart does.
            }
            client.Shutdown(SocketShutdown.Send);
        }
    }

    /// <summary>Reads to EOF; null when the request grows past <see cref="MaxRequestBytes"/> ("request too long").</summary>
    private async Task<byte[]?> ReadRequestAsync(Socket client)
    {
        var buffer = new byte[MaxRequestBytes + 1];
        int length = 0;
        while (true)
        {
            int n = await client.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None, _stopping.Token);
            if (n == 0) return buffer[..length];
            length += n;
            if (length > MaxRequestBytes)
            {
                _log("request too long");
                return null;
            }
        }
    }

    /// <summary>Stops listening, waits for the calls in flight, and deletes the socket file.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        _stopping.Cancel();
        _listener.Dispose();
        await _acceptLoop.ConfigureAwait(false);
        Task[] inFlight;
        lock (_connections) inFlight = [.. _connections];
        try { await Task.WhenAll(inFlight).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false); }
        catch (TimeoutException) { _log("calls still running at stop"); }
        try { File.Delete(SocketPath); }
        catch (IOException) { }
        _stopping.Dispose();
        _oneCallAtATime.Dispose();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);
}
