namespace QubesPoolConsole.Core.Qubesd.Sandbox;

/// <summary>
/// Ends a call the way qubesd's handler would: <c>enforce</c>, <c>ProtocolError</c> and unhandled Python exceptions
/// abort the connection with no bytes; a <c>QubesException</c> becomes a <c>2\0Type\0\0message\0</c> reply. The
/// handlers throw it so their code can follow admin.py line by line.
/// </summary>
internal sealed class QubesdRefusal : Exception
{
    private QubesdRefusal(string? excType, string message)
        : base(message) => ExcType = excType;

    /// <summary>The Python exception class name sent to the client; null for an empty reply.</summary>
    public string? ExcType { get; }

    /// <summary>qubesd's <c>enforce</c> failed (PermissionDenied): empty reply.</summary>
    public static QubesdRefusal Denied(string why) => new(null, "permission denied: " + why);

    /// <summary>ProtocolError or an exception qubesd does not handle: empty reply.</summary>
    public static QubesdRefusal Empty(string why) => new(null, why);

    /// <summary>A QubesException subclass: <c>2\0<paramref name="type"/>\0\0<paramref name="message"/>\0</c>.</summary>
    public static QubesdRefusal Qubes(string type, string message) => new(type, message);

    /// <summary>Throws <see cref="Denied"/> unless <paramref name="predicate"/> holds.</summary>
    public static void Enforce(bool predicate, string why)
    {
        if (!predicate) throw Denied(why);
    }
}
