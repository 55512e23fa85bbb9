using System.Text;

namespace QubesPoolConsole.Core.Qubesd.Sandbox;

/// <summary>The bytes qubesd writes back: <c>0\0content</c>, <c>2\0Type\0\0message\0</c>, or nothing at all.</summary>
internal static class WireReply
{
    public static byte[] Ok(string? content)
    {
        var body = Encoding.UTF8.GetBytes(content ?? "");
        var reply = new byte[body.Length + 2];
        reply[0] = (byte)'0';
        body.CopyTo(reply, 2);
        return reply;
    }

    public static byte[] Exception(string type, string message)
        => Encoding.UTF8.GetBytes("2\0" + type + "\0\0" + message + "\0");
}
