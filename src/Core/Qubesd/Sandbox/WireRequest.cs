namespace QubesPoolConsole.Core.Qubesd.Sandbox;

/// <summary>
/// One request as qubesd's <c>eof_received</c> splits it: <c>&lt;method&gt;+&lt;arg&gt; &lt;src&gt; name &lt;dest&gt;\0payload</c>,
/// all still raw bytes (decoding is the handler's business, as in qubesd).
/// </summary>
internal sealed record WireRequest(byte[] Method, byte[] Arg, byte[] Source, byte[] Destination, byte[] Payload)
{
    /// <summary>The split, or null for a framing error (qubesd aborts the connection).</summary>
    public static WireRequest? Parse(ReadOnlySpan<byte> buffer)
    {
        int nul = buffer.IndexOf((byte)0);
        if (nul < 0) return null;
        var header = buffer[..nul];
        var payload = buffer[(nul + 1)..].ToArray();

        // header.split(b" ", 3) must give exactly four fields.
        var fields = new List<byte[]>(4);
        var rest = header;
        while (fields.Count < 3)
        {
            int sp = rest.IndexOf((byte)' ');
            if (sp < 0) return null;
            fields.Add(rest[..sp].ToArray());
            rest = rest[(sp + 1)..];
        }
        fields.Add(rest.ToArray());

        byte[] destType = fields[2], dest = fields[3];
        if (destType.AsSpan().SequenceEqual("keyword"u8) && dest.AsSpan().SequenceEqual("adminvm"u8))
        {
            destType = "name"u8.ToArray();
            dest = "dom0"u8.ToArray();
        }
        if (!destType.AsSpan().SequenceEqual("name"u8)) return null;

        var methArg = fields[0].AsSpan();
        int plus = methArg.IndexOf((byte)'+');
        byte[] method = plus < 0 ? methArg.ToArray() : methArg[..plus].ToArray();
        byte[] arg = plus < 0 ? [] : methArg[(plus + 1)..].ToArray();
        return new WireRequest(method, arg, fields[1], dest, payload);
    }
}
