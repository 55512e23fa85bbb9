using static QubesPoolConsole.Core.Native.NativeMethods;

namespace QubesPoolConsole.Core.Storage;

/// <summary>
/// Owner and group of a file, chown, and fsync of a directory, over <see cref="Native.NativeMethods"/>.
/// </summary>
internal static class Posix
{
    private const uint StatxBasicStats = 0x7ff;

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
