using System.Text;

namespace QubesPoolConsole.Core.Qubesd.Wire;

/// <summary>
/// Reads an <c>admin.Events</c> stream incrementally: feed it the bytes as they arrive, in pieces of any size, and it
/// hands out each event once its closing NUL has come. A stream that starts with <c>2\0</c> (or is empty) is a
/// single reply instead (e.g. an unknown destination); <see cref="Finish"/> then gives that reply.
/// </summary>
public sealed class QubesdEventParser
{
    /// <summary>An event longer than this is treated as a broken stream.</summary>
    public const int MaxEventBytes = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    private enum State { Type, TypeNul, Subject, Name, Key, Value, Reply, Broken }

    private readonly List<byte> _token = [];
    private readonly List<byte> _reply = [];
    private readonly List<KeyValuePair<string, string>> _properties = [];
    private State _state = State.Type;
    private string _subject = "";
    private string _name = "";
    private string _key = "";
    private int _eventBytes;
    private long _events;

    /// <summary>Why the stream cannot be read further, once it is broken; otherwise null.</summary>
    public string? Problem { get; private set; }

    /// <summary>How many complete events have been read.</summary>
    public long EventCount => _events;

    /// <summary>
    /// Reads <paramref name="data"/>, adding each event it completes to <paramref name="events"/>. Returns false once
    /// the stream is broken (<see cref="Problem"/>); further data is then ignored.
    /// </summary>
    public bool Feed(ReadOnlySpan<byte> data, ICollection<QubesdEvent> events)
    {
        foreach (var b in data)
        {
            if (!Step(b, events)) return false;
        }
        return _state != State.Broken;
    }

    /// <summary>
    /// The end of the stream: <see cref="QubesdReplyKind.StreamClosed"/> after whole events, the reply when the stream
    /// was a single reply (empty, exception), <see cref="QubesdReplyKind.Malformed"/> when it broke or ended inside an
    /// event.
    /// </summary>
    public QubesdReply Finish(string? socketPath = null)
    {
        if (_state == State.Broken) return Malformed(Problem!, socketPath);
        if (_state == State.Reply)
        {
            var reply = QubesdReply.Parse(_reply.ToArray(), socketPath);
            return reply.IsOk ? Closed(socketPath) : reply;
        }
        if (_state != State.Type) return Malformed("the stream ended inside an event", socketPath);
        return _events == 0 ? QubesdReply.Empty(socketPath) : Closed(socketPath);
    }

    private bool Step(byte b, ICollection<QubesdEvent> events)
    {
        switch (_state)
        {
            case State.Broken:
                return false;
            case State.Reply:
                _reply.Add(b);
                return true;
            case State.Type:
                if (b == (byte)'1') { _state = State.TypeNul; _eventBytes = 1; return true; }
                if (_events == 0 && b is (byte)'0' or (byte)'2') { _state = State.Reply; _reply.Add(b); return true; }
                return Break($"an event starts with the byte 0x{b:x2}, not '1'");
            case State.TypeNul:
                if (b == 0) { _state = State.Subject; return true; }
                return Break("the event type '1' is not followed by a NUL");
        }

        if (++_eventBytes > MaxEventBytes) return Break($"an event is longer than {MaxEventBytes} bytes");
        if (b != 0) { _token.Add(b); return true; }

        if (!TryTakeToken(out var text)) return Break("an event holds text that is not UTF-8");
        switch (_state)
        {
            case State.Subject:
                _subject = text;
                _state = State.Name;
                break;
            case State.Name:
                if (text.Length == 0) return Break("an event has an empty name");
                _name = text;
                _state = State.Key;
                break;
            case State.Key when text.Length == 0:
                events.Add(new QubesdEvent(_subject, _name, _properties.ToArray()));
                _properties.Clear();
                _events++;
                _state = State.Type;
                break;
            case State.Key:
                _key = text;
                _state = State.Value;
                break;
            case State.Value:
                _properties.Add(new(_key, text));
                _state = State.Key;
                break;
        }
        return true;
    }

    private bool TryTakeToken(out string text)
    {
        try
        {
            text = StrictUtf8.GetString(_token.ToArray());
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
        finally
        {
            _token.Clear();
        }
    }

    private bool Break(string why)
    {
        Problem ??= $"{why} (after {_events} events)";
        _state = State.Broken;
        return false;
    }

    private static QubesdReply Malformed(string why, string? socketPath) =>
        QubesdReply.Failure(QubesdReplyKind.Malformed,
            $"The qubesd event stream{(socketPath is null ? "" : " on " + socketPath)} cannot be read: {why}.", socketPath);

    private static QubesdReply Closed(string? socketPath) =>
        QubesdReply.Failure(QubesdReplyKind.StreamClosed,
            $"qubesd closed the event stream{(socketPath is null ? "" : " on " + socketPath)}.", socketPath);
}
