using Microsoft.Win32.SafeHandles;

namespace QubesPoolConsole.Core.Storage;

/// <summary>
/// An exclusive advisory lock (flock) on a lock file, held for a read-check-write. .NET takes
/// <c>flock(LOCK_EX|LOCK_NB)</c> when a file is opened with <see cref="FileShare.None"/>; we retry until the
/// timeout. The kernel drops the lock when the holder dies, so a killed writer never leaves it stuck.
/// </summary>
public sealed class FileLock : IDisposable
{
    private readonly SafeFileHandle _handle;

    private FileLock(SafeFileHandle handle) => _handle = handle;

    /// <summary>Waits for the lock; throws <see cref="TimeoutException"/> when another writer holds it too long.</summary>
    public static FileLock Acquire(string lockPath, TimeSpan timeout)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(lockPath))!);
        var deadline = DateTime.UtcNow + timeout;
        int delay = 1;
        while (true)
        {
            try
            {
                return new FileLock(File.OpenHandle(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline && File.Exists(lockPath))
            {
                Thread.Sleep(delay);
                delay = Math.Min(delay * 2, 50);
            }
            catch (IOException ex) when (File.Exists(lockPath))
            {
                throw new TimeoutException($"Another writer has held the lock {lockPath} for more than {timeout.TotalSeconds:0} s.", ex);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _handle.Dispose();
}
