namespace QubesPoolConsole.Core.Qubesd.Sandbox;

/// <summary>
/// qubes.storage.reflink.is_supported: two temporary files in the directory, "foo" written to the first, then
/// FICLONE from the first onto the second. EBADF, EINVAL, EOPNOTSUPP and EXDEV mean "no reflinks"; any other
/// errno is an exception qubesd does not handle.
/// </summary>
internal static class ReflinkProbe
{
    /// <summary>True when the file system holding <paramref name="directory"/> shares extents.</summary>
    /// <exception cref="QubesdRefusal">The temp files cannot be made, or FICLONE failed for another reason.</exception>
    public static bool IsSupported(string directory)
    {
        FileStream? src = null, dst = null;
        try
        {
            src = CreateTemp(directory);
            dst = CreateTemp(directory);
            src.Write("foo"u8);
            src.Flush(flushToDisk: false);
            int errno = SandboxNative.TryFiclone(src.SafeFileHandle, dst.SafeFileHandle);
            if (errno == 0) return true;
            if (errno is SandboxNative.EBADF or SandboxNative.EINVAL or SandboxNative.EOPNOTSUPP or SandboxNative.EXDEV)
                return false;
            throw QubesdRefusal.Empty($"OSError: FICLONE in {directory} failed with errno {errno}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw QubesdRefusal.Empty($"OSError: temporary file in {directory}: {ex.Message}");
        }
        finally
        {
            dst?.Dispose();
            src?.Dispose();
        }
    }

    private static FileStream CreateTemp(string directory)
        => new(Path.Combine(directory, ".qpc-reflink-probe-" + Guid.NewGuid().ToString("N")[..12]),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
}
