using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace QubesPoolConsole.Core.Qubesd.Wire;

/// <summary>
/// One Admin API call as qubesd (R4.1 and later) reads it from its socket:
/// <c>&lt;method&gt;+&lt;arg&gt; dom0 name &lt;dest&gt;\0&lt;payload&gt;</c>, then the client half-closes.
/// Made only through <see cref="TryCreate"/>, so a request that qubesd would abort (bad characters, over 64 KiB)
/// never reaches the socket.
/// </summary>
public sealed class QubesdRequest
{
    /// <summary>qubesd aborts a connection whose header plus payload exceed this many bytes (<c>buffer_size</c>).</summary>
    public const int MaxBytes = 65536;

    /// <summary>The source the console writes: calls from dom0 over the socket bypass qrexec policy.</summary>
    public const string Source = "dom0";

    private readonly byte[] _bytes;

    private QubesdRequest(string method, string arg, string dest, byte[] payload, byte[] bytes)
    {
        Method = method;
        Arg = arg;
        Dest = dest;
        Payload = payload;
        _bytes = bytes;
    }

    /// <summary>The method, e.g. <c>admin.pool.Info</c>.</summary>
    public string Method { get; }

    /// <summary>The argument after <c>+</c>; empty when the call takes none (the <c>+</c> is written anyway).</summary>
    public string Arg { get; }

    /// <summary>The destination VM name, usually <c>dom0</c>.</summary>
    public string Dest { get; }

    /// <summary>The payload bytes (may be empty).</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>The header line without its NUL, e.g. <c>admin.pool.Info+vm-pool dom0 name dom0</c>.</summary>
    public string Header => $"{Method}+{Arg} {Source} name {Dest}";

    /// <summary>Exactly the bytes written to the socket before the half-close.</summary>
    public ReadOnlyMemory<byte> Bytes => _bytes;

    /// <summary>
    /// Checks and frames a call. Fails with a sentence when the method is not made of <c>[A-Za-z0-9._-]</c>, the
    /// argument or destination holds anything but printable ASCII without spaces, the destination is empty, or the
    /// whole request would exceed <see cref="MaxBytes"/>.
    /// </summary>
    public static bool TryCreate(string method, string? arg, string dest, ReadOnlyMemory<byte> payload,
        [NotNullWhen(true)] out QubesdRequest? request, [NotNullWhen(false)] out string? problem)
    {
        request = null;
        arg ??= "";
        problem = CheckMethod(method) ?? CheckWord(arg, "argument", allowEmpty: true) ?? CheckWord(dest, "destination", allowEmpty: false);
        if (problem is not null) return false;

        var header = Encoding.ASCII.GetBytes($"{method}+{arg} {Source} name {dest}");
        var total = header.Length + 1 + payload.Length;
        if (total > MaxBytes)
        {
            problem = $"The call {method} would send {total} bytes; qubesd refuses requests over {MaxBytes} bytes, so it was not sent.";
            return false;
        }

        var bytes = new byte[total];
        header.CopyTo(bytes, 0);
        payload.Span.CopyTo(bytes.AsSpan(header.Length + 1));
        request = new QubesdRequest(method, arg, dest, payload.ToArray(), bytes);
        return true;
    }

    /// <summary>As <see cref="TryCreate"/> with a text payload (UTF-8; the callers' payloads are ASCII).</summary>
    public static bool TryCreate(string method, string? arg, string dest, string? payload,
        [NotNullWhen(true)] out QubesdRequest? request, [NotNullWhen(false)] out string? problem) =>
        TryCreate(method, arg, dest, Encoding.UTF8.GetBytes(payload ?? ""), out request, out problem);

    /// <inheritdoc/>
    public override string ToString() => Header;

    private static string? CheckMethod(string method)
    {
        if (string.IsNullOrEmpty(method)) return "The method name is empty.";
        foreach (var c in method)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
                return $"The method name \"{method}\" may only hold letters, digits, '.', '_' and '-'.";
        }
        return null;
    }

    private static string? CheckWord(string value, string what, bool allowEmpty)
    {
        if (value.Length == 0) return allowEmpty ? null : $"The {what} is empty.";
        foreach (var c in value)
        {
            // qubesd splits the header on spaces and the request on the first NUL; anything else non-ASCII
            // or unprintable is not a name qubesd knows.
            if (c is <= ' ' or > '~')
                return $"The {what} \"{value}\" may only hold printable ASCII characters without spaces.";
        }
        return null;
    }
}
