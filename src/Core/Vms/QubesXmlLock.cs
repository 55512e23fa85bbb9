using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using static QubesPoolConsole.Core.Native.NativeMethods;

namespace QubesPoolConsole.Core.Vms;

/// <summary>
/// An exclusive write lock on qubes.xml for a read-modify-write, as Qubes' own writer takes with
/// <c>fcntl.lockf(LOCK_EX)</c>. It is an open-file-description lock (F_OFD_SETLK): it conflicts with Qubes' lockf
/// locks and with the console's own readers (even in this process), and closing another descriptor of the file in this
/// process does not drop it, unlike a classic POSIX record lock. Threads of this process are also serialised by a
/// semaphore per path.
/// </summary>
public sealed class QubesXmlLock : IDisposable
{
    private const int FOfdSetLk = 37;
    private const short FWrLck = 1;
    private static readonly Dictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _gate;
    private bool _disposed;

    private QubesXmlLock(FileStream stream, SemaphoreSlim gate)
    {
        Stream = stream;
        _gate = gate;
    }

    /// <summary>The locked file, open for reading and writing.</summary>
    public FileStream Stream { get; }

    /// <summary>Opens <paramref name="path"/> and waits for the lock; throws <see cref="TimeoutException"/> when another writer holds it too long.</summary>
    public static async Task<QubesXmlLock> AcquireAsync(string path, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path);
        SemaphoreSlim gate;
        lock (Gates)
        {
            if (!Gates.TryGetValue(full, out gate!)) Gates[full] = gate = new SemaphoreSlim(1, 1);
        }
        var deadline = DateTime.UtcNow + timeout;
        if (!await gate.WaitAsync(timeout, cancellationToken)) throw new TimeoutException($"Another VM creation in the console has held {full} for more than {timeout.TotalSeconds:0} s.");
        FileStream? stream = null;
        try
        {
            stream = new FileStream(full, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            while (!TryLock(stream.SafeFileHandle))
            {
                if (DateTime.UtcNow >= deadline) throw new TimeoutException($"Another program has held a lock on {full} for more than {timeout.TotalSeconds:0} s.");
                await Task.Delay(20, cancellationToken);
            }
            return new QubesXmlLock(stream, gate);
        }
        catch
        {
            stream?.Dispose();
            gate.Release();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Stream.Dispose(); // closing the description releases the OFD lock
        _gate.Release();
    }

    private static bool TryLock(SafeFileHandle handle)
    {
        if (!OperatingSystem.IsLinux()) return true;
        var flock = new Flock { Type = FWrLck, Whence = 0, Start = 0, Length = 0, Pid = 0 };
        if (Fcntl((int)handle.DangerousGetHandle(), FOfdSetLk, ref flock) == 0) return true;
        int errno = Marshal.GetLastPInvokeError();
        if (errno is 11 or 13) return false; // EAGAIN / EACCES: someone else holds a conflicting lock
        throw new IOException($"Cannot lock qubes.xml (fcntl errno {errno}).");
    }
}
