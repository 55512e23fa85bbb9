namespace QubesPoolConsole.Core.Storage;

/// <summary>
/// Replaces a file so that a crash at any moment leaves either the old or the new content: write a temp file
/// in the same directory, fsync it, give it the original's mode, owner and group, rename it over the original,
/// fsync the directory.
/// </summary>
public static class AtomicFileWriter
{
    /// <summary>Prefix of temp files, so leftovers of a crash can be recognised and removed.</summary>
    public const string TempPrefix = ".qpc-tmp-";

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> atomically.</summary>
    /// <param name="path">The file to replace or create.</param>
    /// <param name="bytes">The new content.</param>
    /// <param name="newFileMode">Mode for a file that did not exist; an existing file keeps its own.</param>
    public static void Write(string path, ReadOnlySpan<byte> bytes, UnixFileMode newFileMode = (UnixFileMode)0b110_110_100)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        var temp = Path.Combine(dir, TempPrefix + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..12]);
        bool exists = File.Exists(full);
        try
        {
            using (var fs = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None))
            {
                fs.Write(bytes);
                fs.Flush(flushToDisk: true);
            }
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, exists ? File.GetUnixFileMode(full) : newFileMode);
                if (exists && Posix.Owner(full) is { } owner && Posix.Owner(temp) != owner)
                {
                    // Only root can give the file to another owner; a member of the file's group can keep the group.
                    if (!Posix.TryChown(temp, owner.Uid, owner.Gid)) Posix.TryChown(temp, uint.MaxValue, owner.Gid);
                }
            }
            File.Move(temp, full, overwrite: true);
            Posix.FsyncDirectory(dir);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Removes temp files a crashed writer left in <paramref name="directory"/> for <paramref name="fileName"/>.</summary>
    public static int RemoveLeftovers(string directory, string fileName)
    {
        if (!Directory.Exists(directory)) return 0;
        int removed = 0;
        foreach (var f in Directory.EnumerateFiles(directory, TempPrefix + fileName + ".*"))
        {
            if (TryDelete(f)) removed++;
        }
        return removed;
    }

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }
}
