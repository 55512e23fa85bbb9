using System.Runtime.InteropServices;

namespace QubesPoolConsole.Core.Native;

/// <summary>
/// Every libc call the console makes, in one place: the few POSIX calls the BCL lacks. statx is used for file
/// metadata because its struct layout is the same on every architecture.
/// </summary>
internal static class NativeMethods
{
    /// <summary>AT_FDCWD: a relative path is taken from the working directory.</summary>
    public const int AtFdCwd = -100;

    [DllImport("libc", SetLastError = true, EntryPoint = "statx")]
    public static extern int StatX(int dirfd, string path, int flags, uint mask, byte[] buffer);

    [DllImport("libc", SetLastError = true, EntryPoint = "statvfs")]
    public static extern int StatVfs(string path, byte[] buffer);

    [DllImport("libc", SetLastError = true, EntryPoint = "chown")]
    public static extern int Chown(string path, uint owner, uint group);

    [DllImport("libc", SetLastError = true, EntryPoint = "open")]
    public static extern int Open(string path, int flags);

    [DllImport("libc", SetLastError = true, EntryPoint = "fsync")]
    public static extern int FSync(int fd);

    [DllImport("libc", SetLastError = true, EntryPoint = "close")]
    public static extern int Close(int fd);

    [DllImport("libc", SetLastError = true, EntryPoint = "lseek")]
    public static extern long LSeek(int fd, long offset, int whence);

    [DllImport("libc", SetLastError = true, EntryPoint = "fcntl")]
    public static extern int Fcntl(int fd, int cmd, ref Flock flock);

    [DllImport("libc", SetLastError = true, EntryPoint = "ioctl")]
    public static extern int Ioctl(Microsoft.Win32.SafeHandles.SafeFileHandle fd, ulong request, IntPtr argument);

    [DllImport("libc", EntryPoint = "geteuid")]
    public static extern uint GetEuid();

    /// <summary>struct flock for fcntl(2) record locks (x86-64 layout).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Flock
    {
        public short Type;
        public short Whence;
        public long Start;
        public long Length;
        public int Pid;
    }
}
