using System.Net.Sockets;
using System.Text;

namespace QubesPoolConsole.Server.Tests.Security;

/// <summary>One HTTP/1.1 response as read off the socket.</summary>
public sealed record RawResponse(int Status, IReadOnlyList<(string Name, string Value)> Headers, string Body)
{
    public string? Header(string name) => Headers.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    public IEnumerable<string> SetCookies => Headers.Where(h => h.Name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);

    public override string ToString() => $"{Status}\n{string.Join("\n", Headers.Select(h => $"{h.Name}: {h.Value}"))}\n\n{(Body.Length > 600 ? Body[..600] + "…" : Body)}";
}

/// <summary>
/// Sends bytes exactly as given to the server (no client-side normalisation of the path, Host or headers, which
/// HttpClient would do) and reads one response.
/// </summary>
public static class RawHttp
{
    public static async Task<RawResponse> SendAsync(Uri server, string request)
    {
        using var tcp = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await tcp.ConnectAsync(server.Host, server.Port, timeout.Token);
        var stream = tcp.GetStream();
        var bytes = Encoding.Latin1.GetBytes(request);
        try
        {
            await stream.WriteAsync(bytes, timeout.Token);
        }
        catch (IOException)
        {
            // The server may answer (e.g. 431) and close before it has read everything we send.
        }
        return await ReadAsync(stream, timeout.Token);
    }

    private static async Task<RawResponse> ReadAsync(NetworkStream stream, CancellationToken token)
    {
        var buffer = new List<byte>();
        var chunk = new byte[16384];
        int headerEnd;
        while ((headerEnd = IndexOf(buffer, "\r\n\r\n"u8)) < 0)
        {
            int n = await ReadSome(stream, chunk, token);
            if (n == 0) throw new IOException("The server closed the connection without a complete response:\n" + Encoding.Latin1.GetString(buffer.ToArray()));
            buffer.AddRange(chunk.AsSpan(0, n));
        }
        var head = Encoding.Latin1.GetString(buffer.GetRange(0, headerEnd).ToArray()).Split("\r\n");
        var status = int.Parse(head[0].Split(' ')[1]);
        var headers = head.Skip(1).Select(l => l.Split(':', 2)).Select(p => (p[0].Trim(), p.Length > 1 ? p[1].Trim() : "")).ToList();
        var body = buffer.GetRange(headerEnd + 4, buffer.Count - headerEnd - 4);
        var length = headers.Where(h => h.Item1.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Select(h => (int?)int.Parse(h.Item2)).FirstOrDefault();
        bool chunked = headers.Any(h => h.Item1.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && h.Item2.Contains("chunked", StringComparison.OrdinalIgnoreCase));
        while (true)
        {
            if (length is { } l && body.Count >= l) break;
            if (chunked && IndexOf(body, "0\r\n\r\n"u8) >= 0 && EndsWith(body, "0\r\n\r\n"u8)) break;
            if (length is null && !chunked && status is 204 or 304 or (>= 100 and < 200)) break;
            int n = await ReadSome(stream, chunk, token);
            if (n == 0) break;
            body.AddRange(chunk.AsSpan(0, n));
        }
        var bodyBytes = chunked ? Dechunk(body.ToArray()) : body.ToArray();
        return new RawResponse(status, headers, Encoding.UTF8.GetString(bodyBytes));
    }

    private static async Task<int> ReadSome(NetworkStream stream, byte[] chunk, CancellationToken token)
    {
        try
        {
            return await stream.ReadAsync(chunk, token);
        }
        catch (IOException)
        {
            return 0; // reset after the response: what we have is all there is
        }
    }

    private static byte[] Dechunk(byte[] data)
    {
        var output = new List<byte>();
        int i = 0;
        while (i < data.Length)
        {
            int lineEnd = data.AsSpan(i).IndexOf("\r\n"u8);
            if (lineEnd < 0) break;
            int size = Convert.ToInt32(Encoding.ASCII.GetString(data, i, lineEnd).Split(';')[0].Trim(), 16);
            i += lineEnd + 2;
            if (size == 0) break;
            output.AddRange(data.AsSpan(i, Math.Min(size, data.Length - i)));
            i += size + 2;
        }
        return output.ToArray();
    }

    private static int IndexOf(List<byte> data, ReadOnlySpan<byte> pattern)
        => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(data).IndexOf(pattern);

    private static bool EndsWith(List<byte> data, ReadOnlySpan<byte> pattern)
        => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(data).EndsWith(pattern);
}
