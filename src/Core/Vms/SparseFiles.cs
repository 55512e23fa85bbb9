using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using static QubesPoolConsole.Core.Native.NativeMethods;

namespace QubesPoolConsole.Core.Vms;

/// <summary>Sparse disk images: create empty ones, and copy one without filling its holes.</summary>
public static class SparseFiles
{
    private const int SeekData = 3;
    private const int SeekHole = 4;
    private const int Chunk = 1 << 20;

    /// <summary>Creates a new empty sparse file of <paramref name="bytes"/> (no blocks allocated); fails if it exists.</summary>
    public static void Create(string path, long bytes)
    {
        using var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        RandomAccess.SetLength(handle, bytes);
    }

    /// <summary>
    /// Copies <paramref name="source"/> to a new file <paramref name="destination"/>, writing only the source's data
    /// (found with SEEK_DATA/SEEK_HOLE) and within it only non-zero blocks, so holes stay holes.
    /// </summary>
    public static void Copy(string source, string destination, CancellationToken cancellationToken = default)
    {
        using var src = File.OpenHandle(source, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var dst = File.OpenHandle(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        long length = RandomAccess.GetLength(src);
        var buffer = new byte[Chunk];
        foreach (var (start, end) in DataRanges(src, length))
        {
            for (long offset = start; offset < end;)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int want = (int)Math.Min(Chunk, end - offset);
                int read = RandomAccess.Read(src, buffer.AsSpan(0, want), offset);
                if (read <= 0) break;
                WriteNonZeroBlocks(dst, buffer.AsSpan(0, read), offset);
                offset += read;
            }
        }
        RandomAccess.SetLength(dst, length);
        RandomAccess.FlushToDisk(dst);
    }

    /// <summary>Bytes actually allocated on disk for <paramref name="path"/> (st_blocks × 512), or null when unknown.</summary>
    public static long? AllocatedBytes(string path)
    {
        if (!OperatingSystem.IsLinux()) return null;
        var buffer = new byte[256];
        // statx(AT_FDCWD, path, 0, STATX_BLOCKS): stx_blocks is a u64 at offset 48.
        if (StatX(AtFdCwd, path, 0, 0x400, buffer) != 0) return null;
        return (long)BitConverter.ToUInt64(buffer, 48) * 512;
    }

    private static void WriteNonZeroBlocks(SafeFileHandle dst, ReadOnlySpan<byte> data, long offset)
    {
        const int block = 4096;
        int runStart = -1;
        for (int i = 0; i <= data.Length; i += block)
        {
            bool zero = i == data.Length || !data.Slice(i, Math.Min(block, data.Length - i)).ContainsAnyExcept((byte)0);
            if (!zero && runStart < 0) runStart = i;
            if (zero && runStart >= 0)
            {
                RandomAccess.Write(dst, data[runStart..Math.Min(i, data.Length)], offset + runStart);
                runStart = -1;
            }
        }
    }

    private static IEnumerable<(long Start, long End)> DataRanges(SafeFileHandle handle, long length)
    {
        if (!OperatingSystem.IsLinux())
        {
            yield return (0, length);
            yield break;
        }
        int fd = (int)handle.DangerousGetHandle();
        long pos = 0;
        while (pos < length)
        {
            long data = LSeek(fd, pos, SeekData);
            if (data < 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                if (errno == 6) yield break; // ENXIO: no data after pos
                yield return (pos, length); // SEEK_DATA unsupported: scan the rest
                yield break;
            }
            long hole = LSeek(fd, data, SeekHole);
            if (hole < 0) hole = length;
            yield return (data, Math.Min(hole, length));
            pos = hole;
        }
    }
}
