namespace QubesPoolConsole.Core.Qubesd.Sandbox;

/// <summary><c>os.statvfs(dir_path)</c> as the file drivers read it: size and used bytes, or the errno.</summary>
internal static class FileSpace
{
    /// <summary>(f_frsize * f_blocks, f_frsize * (f_blocks - f_bfree)), or null with ENOENT (FileNotFoundError).</summary>
    /// <exception cref="QubesdRefusal">Any other OSError: unhandled in qubesd, so an empty reply.</exception>
    public static (long Size, long Used)? Read(string dirPath)
    {
        if (SandboxNative.StatVfs(dirPath, out int errno) is { } s)
        {
            return ((long)(s.FrSize * s.Blocks), (long)(s.FrSize * (s.Blocks - s.BFree)));
        }
        if (errno == SandboxNative.ENOENT) return null;
        throw QubesdRefusal.Empty($"OSError: statvfs({dirPath}) failed with errno {errno}");
    }
}
