using System.Collections.Concurrent;

namespace QubesPoolConsole.Core.Drafts;

/// <summary>
/// One value per login session id, started on first use and shared by every tab of the session until
/// <see cref="End"/>; what <see cref="SessionDrafts"/> and the qubesd drafts keep their drafts in.
/// </summary>
/// <typeparam name="T">The per-session value (a draft, or the task that starts one).</typeparam>
public sealed class PerSession<T>(Func<T> start)
{
    private readonly ConcurrentDictionary<string, Lazy<T>> _items = new(StringComparer.Ordinal);

    /// <summary>How many sessions have a value now.</summary>
    public int Count => _items.Count;

    /// <summary>The ids of the sessions that have a value now.</summary>
    public IReadOnlyCollection<string> Sessions => [.. _items.Keys];

    /// <summary>The values started so far.</summary>
    public IEnumerable<T> Started => _items.Values.Where(l => l.IsValueCreated).Select(l => l.Value);

    /// <summary>The session's value, started when it has none yet.</summary>
    public T For(string session)
    {
        ArgumentException.ThrowIfNullOrEmpty(session);
        // Lazy: two tabs opening at once must not each start a value and keep different ones.
        return _items.GetOrAdd(session, _ => new Lazy<T>(start)).Value;
    }

    /// <summary>The session's value when one was started; starts none.</summary>
    public bool TryGet(string session, out T value)
    {
        if (_items.TryGetValue(session, out var lazy) && lazy.IsValueCreated)
        {
            value = lazy.Value;
            return true;
        }
        value = default!;
        return false;
    }

    /// <summary>Drops the session's value; true when it had one.</summary>
    public bool End(string session) => _items.TryRemove(session, out _);

    /// <summary>Drops every value.</summary>
    public void Clear() => _items.Clear();
}
