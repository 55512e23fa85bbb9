using System.Runtime.InteropServices;

namespace QubesPoolConsole.Core.Storage;

/// <summary>
/// The few POSIX calls the BCL lacks: owner and group of a file, chown, and fsync of a directory.
/// statx is used because its struct layout is the same on every architecture.
/// </summary>
internal static class Posix
{
    private const int AtFdCwd = -100;
    private const uint StatxBasicStats = 0x7ff;

    [DllImport("libc", SetLastError = true, EntryPoint = "statx")]
    private static extern int StatX(int dirfd, string path, int flags, uint mask, byte[] buffer);

    [DllImport("libc", SetLastError = true, EntryPoint = "chown")]
    private static extern int Chown(string path, uint owner, uint group);

    [DllImport("libc", SetLastError = true, EntryPoint = "open")]
    private static extern int Open(string path, int flags);

    [DllImport("libc", SetLastError = true, EntryPoint = "fsync")]
    private static extern int FSync(int fd);

    [DllImport("libc", SetLastError = true, EntryPoint = "close")]
    private static extern int Close(int fd);

    [DllImport("libc", EntryPoint = "geteuid")]
    public static extern uint GetEuid();

    /// <summary>Owner and group of a file, or null when they cannot be read.</summary>
    public static (uint Uid, uint Gid)? Owner(string path)
    {
        if (!OperatingSystem.IsLinux()) return null;
        var buffer = new byte[256];
        if (StatX(AtFdCwd, path, 0, StatxBasicStats, buffer) != 0) return null;
        return (BitConverter.ToUInt32(buffer, 20), BitConverter.ToUInt32(buffer, 24));
    }

    /// <summary>Sets owner and group; false when not permitted (only root may give a file away).</summary>
    public static bool TryChown(string path, uint uid, uint gid)
        => OperatingSystem.IsLinux() && Chown(path, uid, gid) == 0;

    /// <summary>Makes a rename in <paramref name="directory"/> durable.</summary>
    public static void FsyncDirectory(string directory)
    {
        if (!OperatingSystem.IsLinux()) return;
        int fd = Open(directory, 0);
        if (fd < 0) return;
        try { FSync(fd); }
        finally { Close(fd); }
    }
}
