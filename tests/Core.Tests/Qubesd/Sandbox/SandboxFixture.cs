namespace QubesPoolConsole.Core.Tests.Qubesd.Sandbox;

/// <summary>A stand-in qubesd in a fresh temp folder; restartable on the same folder; removed on dispose.</summary>
internal sealed class SandboxFixture : IAsyncDisposable
{
    private readonly Func<string, QubesdSandboxOptions> _options;
    private Func<QubesdSandboxOptions, QubesdSandboxOptions>? _retweak;
    private QubesdSandbox? _sandbox;

    private SandboxFixture(string root, Func<string, QubesdSandboxOptions> options)
    {
        Root = root;
        _options = options;
    }

    /// <summary>The temp folder; the sandbox's data folder is <see cref="DataDir"/> inside it.</summary>
    public string Root { get; }

    public string DataDir => Path.Combine(Root, "qubes");

    public string Socket => _sandbox!.SocketPath;

    public List<string> Journal { get; } = [];

    public static async Task<SandboxFixture> StartAsync(string release = "4.3", Func<QubesdSandboxOptions, QubesdSandboxOptions>? tweak = null)
    {
        var root = Directory.CreateTempSubdirectory("qpc-r4-sandbox-").FullName;
        SandboxFixture? fixture = null;
        fixture = new SandboxFixture(root, dir =>
        {
            var o = new QubesdSandboxOptions { DataDirectory = dir, Release = release, Log = line => { lock (fixture!.Journal) fixture.Journal.Add(line); } };
            return tweak is null ? o : tweak(o);
        });
        await fixture.RestartAsync();
        return fixture;
    }

    /// <summary>Stops the stand-in (if running) and starts a new one on the same data folder, optionally with changed options.</summary>
    public async Task RestartAsync(Func<QubesdSandboxOptions, QubesdSandboxOptions>? retweak = null)
    {
        if (_sandbox is not null) await _sandbox.StopAsync();
        _retweak = retweak ?? _retweak;
        var options = _options(DataDir);
        _sandbox = await QubesdSandbox.StartAsync(_retweak is null ? options : _retweak(options));
    }

    public Task StopAsync() => _sandbox!.StopAsync();

    public Task<string> Call(string method, string arg = "", string dest = "dom0", string payload = "")
        => RawQubesdClient.CallTextAsync(Socket, method, arg, dest, payload);

    public async ValueTask DisposeAsync()
    {
        if (_sandbox is not null) await _sandbox.StopAsync();
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }
}
