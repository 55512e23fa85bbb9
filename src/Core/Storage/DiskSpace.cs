using System.Runtime.InteropServices;
using static QubesPoolConsole.Core.Native.NativeMethods;

namespace QubesPoolConsole.Core.Storage;

/// <summary>Size and free space of the filesystem holding a directory, or why it is unknown.</summary>
/// <param name="TotalBytes">Filesystem size; null when unknown.</param>
/// <param name="AvailableBytes">Space an unprivileged user can still use; null when unknown.</param>
/// <param name="UnknownReason">Why the figures are unknown (missing or unreachable path), else null.</param>
public sealed record SpaceInfo(long? TotalBytes, long? AvailableBytes, string? UnknownReason)
{
    /// <summary>True when the figures are known.</summary>
    public bool Known => UnknownReason is null;

    /// <summary>Used bytes (total minus available), when known.</summary>
    public long? UsedBytes => TotalBytes - AvailableBytes;
}

/// <summary>Reads filesystem space with statvfs(3); never throws for a missing or unreachable path.</summary>
public static class DiskSpace
{
    /// <summary>Space of the filesystem that holds <paramref name="directory"/>.</summary>
    public static SpaceInfo Probe(string directory)
    {
        try
        {
            if (!Directory.Exists(directory))
            {
                return new SpaceInfo(null, null, File.Exists(directory) ? "the path is a file, not a directory" : "the directory does not exist");
            }
            // struct statvfs on 64-bit Linux starts with f_bsize, f_frsize, f_blocks, f_bfree, f_bavail (unsigned long each).
            var buffer = new byte[256];
            if (StatVfs(directory, buffer) != 0)
            {
                return new SpaceInfo(null, null, $"statvfs failed (errno {Marshal.GetLastPInvokeError()})");
            }
            ulong frsize = BitConverter.ToUInt64(buffer, 8);
            if (frsize == 0) frsize = BitConverter.ToUInt64(buffer, 0);
            ulong blocks = BitConverter.ToUInt64(buffer, 16);
            ulong avail = BitConverter.ToUInt64(buffer, 32);
            return new SpaceInfo((long)(blocks * frsize), (long)(avail * frsize), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new SpaceInfo(null, null, ex.Message);
        }
    }

    /// <summary>"12.3 GiB" style.</summary>
    public static string Format(long? bytes)
    {
        if (bytes is not { } b) return "unknown";
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
        double v = b;
        int u = 0;
        while (v >= 1024 && u < units.Length - 1) { v /= 1024; u++; }
        return u == 0 ? $"{b} B" : $"{v:0.0} {units[u]}";
    }
}
