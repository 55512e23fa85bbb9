using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace QubesPoolConsole.Core.Qubesd.Sandbox;

/// <summary>statvfs(3) and the FICLONE ioctl as the stand-in's file drivers use them (over <see cref="Native.NativeMethods"/>).</summary>
internal static class SandboxNative
{
    /// <summary>_IOW(0x94, 9, int): share the source file's extents with the destination (reflink).</summary>
    private const ulong Ficlone = 0x40049409;

    public const int ENOENT = 2;
    public const int EBADF = 9;
    public const int EXDEV = 18;
    public const int EINVAL = 22;
    public const int EOPNOTSUPP = 95;

    /// <summary>f_frsize, f_blocks and f_bfree of the file system holding <paramref name="path"/>, or the errno.</summary>
    public static (ulong FrSize, ulong Blocks, ulong BFree)? StatVfs(string path, out int errno)
    {
        // struct statvfs on 64-bit Linux: f_bsize, f_frsize, f_blocks, f_bfree, f_bavail … (unsigned long each).
        var buffer = new byte[256];
        if (Native.NativeMethods.StatVfs(path, buffer) != 0)
        {
            errno = Marshal.GetLastPInvokeError();
            return null;
        }
        errno = 0;
        return (BitConverter.ToUInt64(buffer, 8), BitConverter.ToUInt64(buffer, 16), BitConverter.ToUInt64(buffer, 24));
    }

    /// <summary>ioctl(dst, FICLONE, src); 0 on success, else the errno.</summary>
    public static int TryFiclone(SafeFileHandle source, SafeFileHandle destination)
    {
        bool added = false;
        source.DangerousAddRef(ref added);
        try
        {
            int rc = Native.NativeMethods.Ioctl(destination, Ficlone, source.DangerousGetHandle());
            return rc == 0 ? 0 : Marshal.GetLastPInvokeError();
        }
        finally
        {
            if (added) source.DangerousRelease();
        }
    }
}
