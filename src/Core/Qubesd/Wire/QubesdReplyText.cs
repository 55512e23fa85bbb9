using System.Text;

namespace QubesPoolConsole.Core.Qubesd.Wire;

/// <summary>
/// Reads the text formats of qubesd's successful replies (core-admin <c>qubes/api/admin.py</c>): one item per
/// <c>\n</c>-terminated line, <c>key=value</c> lines, <c>admin.pool.ListDrivers</c>, <c>admin.vm.List</c>, property values.
/// A failed reply passes through; text that does not fit the format becomes a Malformed reply with a sentence.
/// </summary>
public static class QubesdReplyText
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>One item per line (<c>admin.pool.List</c>, <c>admin.vm.volume.List</c>…); an empty reply content is no items.</summary>
    public static QubesdResult<IReadOnlyList<string>> Lines(QubesdReply reply) =>
        Read<IReadOnlyList<string>>(reply, "a list", SplitLines);

    /// <summary><c>key=value</c> lines (<c>admin.pool.Info</c>, <c>admin.pool.UsageDetails</c>, <c>admin.vm.volume.Info</c>).</summary>
    public static QubesdResult<QubesdKeyValues> KeyValueLines(QubesdReply reply) =>
        Read(reply, "key=value lines", text =>
        {
            var pairs = new List<KeyValuePair<string, string>>();
            foreach (var line in SplitLines(text))
            {
                var eq = line.IndexOf('=');
                if (eq <= 0) throw new FormatException($"the line \"{line}\" is not key=value");
                pairs.Add(new(line[..eq], line[(eq + 1)..]));
            }
            return new QubesdKeyValues(pairs);
        });

    /// <summary><c>&lt;driver&gt; &lt;param&gt; &lt;param&gt;…</c> lines of <c>admin.pool.ListDrivers</c>.</summary>
    public static QubesdResult<IReadOnlyList<QubesdDriver>> Drivers(QubesdReply reply) =>
        Read<IReadOnlyList<QubesdDriver>>(reply, "a driver list", text =>
            SplitLines(text).Select(line =>
            {
                var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 0) throw new FormatException("a driver line is blank");
                return new QubesdDriver(words[0], words[1..]);
            }).ToArray());

    /// <summary>The lines of <c>admin.vm.List</c>: a name, then <c>key=value</c> tokens.</summary>
    public static QubesdResult<IReadOnlyList<QubesdVmEntry>> VmList(QubesdReply reply) =>
        Read<IReadOnlyList<QubesdVmEntry>>(reply, "a VM list", text =>
            SplitLines(text).Select(line =>
            {
                var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 0) throw new FormatException("a VM line is blank");
                var pairs = new List<KeyValuePair<string, string>>();
                foreach (var word in words.Skip(1))
                {
                    var eq = word.IndexOf('=');
                    if (eq <= 0) throw new FormatException($"the VM line \"{line}\" has a token \"{word}\" that is not key=value");
                    pairs.Add(new(word[..eq], word[(eq + 1)..]));
                }
                return new QubesdVmEntry(words[0], new QubesdKeyValues(pairs));
            }).ToArray());

    /// <summary><c>default=&lt;True|False&gt; type=&lt;t&gt; &lt;value&gt;</c> of <c>admin.property.Get</c>.</summary>
    public static QubesdResult<QubesdProperty> Property(QubesdReply reply) =>
        Read(reply, "a property value", text =>
        {
            // qubesadmin: split(b' ', 2); the value may itself hold spaces, and is empty after "type=str ".
            var parts = text.Split(' ', 3);
            if (parts.Length < 2 || !parts[0].StartsWith("default=", StringComparison.Ordinal)
                || !parts[1].StartsWith("type=", StringComparison.Ordinal))
                throw new FormatException($"\"{text}\" is not \"default=… type=… value\"");
            var isDefault = parts[0]["default=".Length..] switch
            {
                "True" => true,
                "False" => false,
                var other => throw new FormatException($"default={other} is neither True nor False"),
            };
            return new QubesdProperty(isDefault, parts[1]["type=".Length..], parts.Length == 3 ? parts[2] : "");
        });

    private static IReadOnlyList<string> SplitLines(string text)
    {
        if (text.Length == 0) return [];
        var lines = text.Split('\n');
        // Every line ends with \n, so the last piece is empty; a last line without \n is kept (as splitlines does).
        return lines[^1].Length == 0 ? lines[..^1] : lines;
    }

    private static QubesdResult<T> Read<T>(QubesdReply reply, string what, Func<string, T> parse)
    {
        if (!reply.IsOk) return QubesdResult<T>.Failed(reply);
        string text;
        try
        {
            text = StrictUtf8.GetString(reply.Content.Span);
        }
        catch (DecoderFallbackException)
        {
            return QubesdResult<T>.Failed(Malformed(reply, what, "it is not UTF-8"));
        }
        try
        {
            return QubesdResult<T>.Ok(parse(text), reply);
        }
        catch (FormatException error)
        {
            return QubesdResult<T>.Failed(Malformed(reply, what, error.Message));
        }
    }

    private static QubesdReply Malformed(QubesdReply reply, string what, string why) =>
        QubesdReply.Failure(QubesdReplyKind.Malformed,
            $"qubesd{(reply.SocketPath is null ? "" : " on " + reply.SocketPath)} sent a reply that is not {what}: {why}.",
            reply.SocketPath);
}
