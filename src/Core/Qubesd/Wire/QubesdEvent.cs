namespace QubesPoolConsole.Core.Qubesd.Wire;

/// <summary>
/// One event of an <c>admin.Events</c> stream: <c>1\0&lt;subject&gt;\0&lt;event&gt;\0(&lt;key&gt;\0&lt;value&gt;\0)*\0</c>.
/// </summary>
/// <param name="Subject">The VM the event is about; empty for app-level events (<c>pool-add</c>, <c>property-set:*</c>).</param>
/// <param name="Name">The event, e.g. <c>pool-add</c>, <c>property-set:default_pool</c>, <c>connection-established</c>.</param>
/// <param name="Properties">The keyword arguments in the order qubesd sent them (e.g. <c>pool=mypool</c>).</param>
public sealed record QubesdEvent(string Subject, string Name, IReadOnlyList<KeyValuePair<string, string>> Properties)
{
    /// <summary>The event qubesd sends first on every stream.</summary>
    public const string ConnectionEstablished = "connection-established";

    /// <summary>The value of <paramref name="key"/>, or null when the event has no such argument.</summary>
    public string? Get(string key)
    {
        foreach (var pair in Properties)
        {
            if (pair.Key == key) return pair.Value;
        }
        return null;
    }

    /// <summary><c>subject:name key=value …</c>, for logs and test messages.</summary>
    public override string ToString() =>
        $"{Subject}:{Name}" + string.Concat(Properties.Select(p => $" {p.Key}={p.Value}"));
}
