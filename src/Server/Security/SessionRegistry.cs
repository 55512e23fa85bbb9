using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace QubesPoolConsole.Server.Security;

/// <summary>
/// The live sessions of this start and when each was last used. A cookie only counts while its session is here:
/// sessions end on logout, after the idle timeout, and with the process (a restart invalidates every cookie).
/// </summary>
public sealed class SessionRegistry(TimeProvider time, TimeSpan idleTimeout)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastSeen = new(StringComparer.Ordinal);

    /// <summary>Raised with the id of a session that ended (logout, idle expiry), on the thread that noticed.</summary>
    public event Action<string>? Ended;

    /// <summary>How long a session may stay unused.</summary>
    public TimeSpan IdleTimeout { get; } = idleTimeout;

    /// <summary>Starts a session and returns its id.</summary>
    public string Start()
    {
        var now = time.GetUtcNow();
        foreach (var (id, seen) in _lastSeen)
        {
            if (now - seen > IdleTimeout) Remove(id);
        }
        var session = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        _lastSeen[session] = now;
        return session;
    }

    /// <summary>True when the session is alive, and marks it used now; an idle-expired session is ended.</summary>
    public bool TryTouch(string session)
    {
        var now = time.GetUtcNow();
        if (!_lastSeen.TryGetValue(session, out var seen)) return false;
        if (now - seen > IdleTimeout)
        {
            Remove(session);
            return false;
        }
        _lastSeen[session] = now;
        return true;
    }

    /// <summary>Ends a session (logout).</summary>
    public void End(string session) => Remove(session);

    private void Remove(string session)
    {
        // Only the caller that removed it reports the end, so a session ends once.
        if (_lastSeen.TryRemove(session, out _)) Ended?.Invoke(session);
    }
}
