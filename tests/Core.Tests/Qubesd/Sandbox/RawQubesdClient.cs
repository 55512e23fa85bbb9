using System.Net.Sockets;

namespace QubesPoolConsole.Core.Tests.Qubesd.Sandbox;

/// <summary>A minimal qubesd client for the tests: writes the bytes given, half-closes, reads to EOF.</summary>
internal static class RawQubesdClient
{
    /// <summary>Sends <c>method+arg dom0 name dest\0payload</c> and returns the raw reply.</summary>
    public static Task<byte[]> CallAsync(string socketPath, string method, string arg = "", string dest = "dom0",
        string payload = "", string src = "dom0")
        => SendAsync(socketPath, Encoding.UTF8.GetBytes($"{method}+{arg} {src} name {dest}\0{payload}"));

    /// <summary>The reply as text with \0 shown as "\0" (readable assertion failures).</summary>
    public static async Task<string> CallTextAsync(string socketPath, string method, string arg = "", string dest = "dom0",
        string payload = "")
        => Show(await CallAsync(socketPath, method, arg, dest, payload));

    public static string Show(byte[] reply) => Encoding.UTF8.GetString(reply).Replace("\0", "\\0");

    /// <summary>Writes each chunk separately (a short pause between), half-closes, reads to EOF.</summary>
    public static async Task<byte[]> SendAsync(string socketPath, params byte[][] chunks)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), timeout.Token);
        try
        {
            for (int i = 0; i < chunks.Length; i++)
            {
                if (i > 0) await Task.Delay(20, timeout.Token);
                await socket.SendAsync(chunks[i], SocketFlags.None, timeout.Token);
            }
            socket.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException)
        {
            // The server may abort while we still write (request too long): what it sent back is still the answer.
        }
        var reply = new MemoryStream();
        var buffer = new byte[65536];
        try
        {
            int n;
            while ((n = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token)) > 0) reply.Write(buffer, 0, n);
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.Shutdown)
        {
        }
        return reply.ToArray();
    }
}
