using System.Text;

namespace QubesPoolConsole.Core.Qubesd.Wire;

/// <summary>Reads the reply framing of <c>QubesDaemonProtocol</c> (core-admin <c>qubes/api/__init__.py</c>).</summary>
internal static class QubesdReplyParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static QubesdReply Parse(ReadOnlySpan<byte> reply, string? socketPath)
    {
        if (reply.IsEmpty) return QubesdReply.Empty(socketPath);
        if (reply.Length < 2 || reply[1] != 0)
            return Malformed($"it does not start with a type digit and a NUL (first bytes: {Preview(reply)})", socketPath);
        return reply[0] switch
        {
            (byte)'0' => QubesdReply.Ok(reply[2..].ToArray(), socketPath),
            (byte)'2' => ParseException(reply[2..], socketPath),
            (byte)'1' => Malformed("it is an event stream where a single reply was expected", socketPath),
            _ => Malformed($"its type byte is 0x{reply[0]:x2}, not 0, 1 or 2", socketPath),
        };
    }

    /// <summary><c>&lt;type&gt;\0&lt;traceback&gt;\0&lt;format&gt;\0(&lt;arg&gt;\0)*</c>, as qubesadmin splits it.</summary>
    internal static QubesdReply ParseException(ReadOnlySpan<byte> body, string? socketPath)
    {
        var fields = new List<string>();
        try
        {
            while (!body.IsEmpty)
            {
                var nul = body.IndexOf((byte)0);
                if (nul < 0) return Malformed("its exception fields do not end with a NUL", socketPath);
                fields.Add(StrictUtf8.GetString(body[..nul]));
                body = body[(nul + 1)..];
            }
        }
        catch (DecoderFallbackException)
        {
            return Malformed("its exception text is not UTF-8", socketPath);
        }
        if (fields.Count < 3)
            return Malformed($"its exception has {fields.Count} of the 3 fields (type, traceback, message)", socketPath);
        var type = fields[0];
        if (type.Length == 0) return Malformed("its exception type is empty", socketPath);
        var message = fields.Count > 3 ? PyFormat(fields[2], fields.Skip(3).ToList()) : fields[2];
        return QubesdReply.Exception(type, message, fields[1].Length == 0 ? null : fields[1], socketPath);
    }

    /// <summary>qubesadmin builds the message as <c>format % args</c>; qubesd itself sends no args.</summary>
    private static string PyFormat(string format, IReadOnlyList<string> args)
    {
        var sb = new StringBuilder();
        var next = 0;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] == '%' && i + 1 < format.Length)
            {
                var spec = format[i + 1];
                if (spec == '%') { sb.Append('%'); i++; continue; }
                if ((spec is 's' or 'd' or 'r' or 'i') && next < args.Count)
                {
                    sb.Append(spec == 'r' ? $"'{args[next]}'" : args[next]);
                    next++;
                    i++;
                    continue;
                }
            }
            sb.Append(format[i]);
        }
        return sb.ToString();
    }

    private static QubesdReply Malformed(string why, string? socketPath) =>
        QubesdReply.Failure(QubesdReplyKind.Malformed,
            socketPath is null
                ? $"qubesd sent a reply the console cannot read: {why}."
                : $"qubesd on {socketPath} sent a reply the console cannot read: {why}.",
            socketPath);

    private static string Preview(ReadOnlySpan<byte> bytes) =>
        Convert.ToHexString(bytes[..Math.Min(bytes.Length, 8)]).ToLowerInvariant();
}
