using System.Text;
using System.Threading.Channels;

namespace QubesPoolConsole.Core.Qubesd.Sandbox;

/// <summary>
/// The stand-in's <c>admin.Events</c> subscribers: every open stream gets each event frame a successful call
/// fired, in order (<c>1\0subject\0event\0(key\0value\0)*\0</c>, qubesd's <c>send_event</c>).
/// </summary>
internal sealed class SandboxEvents
{
    private readonly Lock _gate = new();
    private readonly List<Subscriber> _subscribers = [];

    private sealed record Subscriber(string? Subject, Channel<byte[]> Channel);

    /// <summary>One event: the VM it is about (empty for the app), its name, its keyword arguments.</summary>
    public sealed record Frame(string Subject, string Name, IReadOnlyList<(string Key, string Value)> Properties)
    {
        /// <summary>The bytes qubesd streams for it.</summary>
        public byte[] Bytes()
        {
            var text = new StringBuilder("1\0").Append(Subject).Append('\0').Append(Name).Append('\0');
            foreach (var (key, value) in Properties) text.Append(key).Append('\0').Append(value).Append('\0');
            return Encoding.UTF8.GetBytes(text.Append('\0').ToString());
        }
    }

    /// <summary>The artificial first event of every stream.</summary>
    public static readonly Frame ConnectionEstablished = new("", "connection-established", []);

    /// <summary>
    /// A new stream's queue; <paramref name="subject"/> null for dom0 (every event), else only that VM's
    /// (qubesd's <c>vm_handler</c>). Dispose the returned handle when the stream ends.
    /// </summary>
    public (ChannelReader<byte[]> Reader, IDisposable Handle) Subscribe(string? subject)
    {
        var subscriber = new Subscriber(subject, Channel.CreateUnbounded<byte[]>(new() { SingleReader = true }));
        subscriber.Channel.Writer.TryWrite(ConnectionEstablished.Bytes());
        lock (_gate) _subscribers.Add(subscriber);
        return (subscriber.Channel.Reader, new Unsubscribe(this, subscriber));
    }

    /// <summary>Queues <paramref name="frames"/> for every stream that follows them.</summary>
    public void Publish(IReadOnlyList<Frame> frames)
    {
        if (frames.Count == 0) return;
        lock (_gate)
        {
            foreach (var s in _subscribers)
            {
                foreach (var f in frames)
                {
                    if (s.Subject is null || s.Subject == f.Subject) s.Channel.Writer.TryWrite(f.Bytes());
                }
            }
        }
    }

    /// <summary>How many streams are open (for tests and the log).</summary>
    public int Count { get { lock (_gate) return _subscribers.Count; } }

    private sealed class Unsubscribe(SandboxEvents events, Subscriber subscriber) : IDisposable
    {
        public void Dispose()
        {
            lock (events._gate) events._subscribers.Remove(subscriber);
            subscriber.Channel.Writer.TryComplete();
        }
    }
}
