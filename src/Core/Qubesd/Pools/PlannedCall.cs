using System.Text;

namespace QubesPoolConsole.Core.Qubesd.Pools;

/// <summary>
/// One Admin API call a plan would make over qubesd's dom0 socket (the lead maps it to the client's request).
/// </summary>
/// <param name="Method">The method, e.g. <c>admin.pool.Add</c>.</param>
/// <param name="Arg">The argument after '+', e.g. the driver or pool name; empty for none.</param>
/// <param name="Dest">The destination; <c>dom0</c> for every pool and global-property call.</param>
/// <param name="Payload">The payload text (ASCII once validated); empty for none.</param>
public sealed record PlannedCall(string Method, string Arg, string Dest, string Payload)
{
    /// <summary>qubesd aborts a connection whose request exceeds this many bytes (api/__init__.py, buffer_size).</summary>
    public const int MaxRequestBytes = 65536;

    /// <summary>The request header as the dom0 client writes it: <c>method+arg dom0 name dest\0</c>.</summary>
    public string Header => $"{Method}+{Arg} dom0 name {Dest}\0";

    /// <summary>Bytes on the wire: header plus payload (UTF-8, which equals ASCII for a valid request).</summary>
    public int RequestBytes => Encoding.UTF8.GetByteCount(Header) + Encoding.UTF8.GetByteCount(Payload);

    /// <summary>The call as a reviewer reads it: <c>admin.pool.Add+file dom0</c> and the payload with visible line ends.</summary>
    public override string ToString()
        => Payload.Length == 0 ? $"{Method}+{Arg} → {Dest}" : $"{Method}+{Arg} → {Dest}, payload: {Payload.Replace("\n", "\\n", StringComparison.Ordinal)}";
}
