using System.Collections.Concurrent;
using QubesPoolConsole.Core.Tests.Qubesd.Wire;

namespace QubesPoolConsole.Core.Tests.Qubesd.Backend;

/// <summary>
/// A <see cref="FakeQubesd"/> answering by request header (<c>method+arg dom0 name dest</c>) from a table the test
/// can change at any time; a header the table lacks gets an empty reply, as qubesd gives for an unknown method.
/// </summary>
internal sealed class ScriptedQubesd : IAsyncDisposable
{
    private readonly FakeQubesd _server;

    public ScriptedQubesd()
    {
        _server = new FakeQubesd(async c =>
        {
            var header = Header(c.Request);
            if (Gates.TryGetValue(header, out var gate)) await gate.Task.WaitAsync(c.Stopping);
            if (Delay > TimeSpan.Zero) await Task.Delay(Delay, c.Stopping);
            if (Replies.TryGetValue(header, out var reply)) await c.WriteAsync(reply);
        });
        Client = new QubesdClient(new QubesdClientOptions { SocketPath = _server.SocketPath, Timeout = TimeSpan.FromSeconds(10) });
    }

    public QubesdClient Client { get; }

    public ConcurrentDictionary<string, byte[]> Replies { get; } = new(StringComparer.Ordinal);

    /// <summary>Calls with these headers wait until their task completes before the reply is written.</summary>
    public ConcurrentDictionary<string, TaskCompletionSource> Gates { get; } = new(StringComparer.Ordinal);

    /// <summary>How long every call waits before its reply (to make calls overlap).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>The most connections the server had open at once.</summary>
    public int MaxOpenConnections => _server.MaxOpenConnections;

    /// <summary>Every request as received, in arrival order.</summary>
    public IReadOnlyList<byte[]> Requests => [.. _server.Requests];

    /// <summary>The requests that are not reads (List, Info, UsageDetails, ListDrivers, Get), as text with NUL shown as \0.</summary>
    public IReadOnlyList<string> Writes => [.. Requests.Select(r => Encoding.UTF8.GetString(r)).Where(r => !IsRead(r)).Select(r => r.Replace("\0", "\\0", StringComparison.Ordinal))];

    public void Ok(string header, string text = "") => Replies[header] = [.. "0\0"u8, .. Encoding.UTF8.GetBytes(text)];

    public void Raise(string header, string type, string message) => Replies[header] = Encoding.UTF8.GetBytes($"2\0{type}\0\0{message}\0");

    public void Empty(string header) => Replies.TryRemove(header, out _);

    /// <summary>A pool with its Info text and UsageDetails text.</summary>
    public void Pool(string name, string info, string usage = "")
    {
        Ok($"admin.pool.Info+{name} dom0 name dom0", info);
        Ok($"admin.pool.UsageDetails+{name} dom0 name dom0", usage);
    }

    public void PoolList(params string[] names) => Ok("admin.pool.List+ dom0 name dom0", string.Concat(names.Select(n => n + "\n")));

    public void Property(string name, bool isDefault, string value)
        => Ok($"admin.property.Get+{name} dom0 name dom0", $"default={(isDefault ? "True" : "False")} type=str {value}");

    public void Vm(string name, string cls, params (string Volume, string Pool)[] volumes)
    {
        Ok($"admin.vm.volume.List+ dom0 name {name}", string.Concat(volumes.Select(v => v.Volume + "\n")));
        foreach (var (volume, pool) in volumes)
            Ok($"admin.vm.volume.Info+{volume} dom0 name {name}", $"pool={pool}\nvid={name}/{volume}\nsize=1024\nusage=10\nrw=True\n");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _server.DisposeAsync();
    }

    private static string Header(byte[] request)
    {
        var nul = Array.IndexOf(request, (byte)0);
        return Encoding.UTF8.GetString(request, 0, nul < 0 ? request.Length : nul);
    }

    private static bool IsRead(string request)
    {
        var method = request[..request.IndexOf('+')];
        return method.EndsWith(".List", StringComparison.Ordinal) || method.EndsWith(".Info", StringComparison.Ordinal)
            || method.EndsWith(".UsageDetails", StringComparison.Ordinal) || method.EndsWith(".ListDrivers", StringComparison.Ordinal)
            || method.EndsWith(".Get", StringComparison.Ordinal);
    }
}
