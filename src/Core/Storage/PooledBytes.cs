using System.Buffers;
using System.Text;

namespace QubesPoolConsole.Core.Storage;

/// <summary>
/// A file's bytes or a text's encoding in a buffer borrowed from <see cref="ArrayPool{T}.Shared"/>: a load or a save
/// of a large storage.conf then reads and hashes it without allocating a new large array each time (each one would
/// count towards a full garbage collection). Dispose returns the buffer.
/// </summary>
internal readonly struct PooledBytes : IDisposable
{
    private readonly byte[] _buffer;
    private readonly int _length;

    private PooledBytes(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, _length);

    /// <summary>Reads the whole file (to its end, even if it grew since its length was asked).</summary>
    /// <exception cref="FileNotFoundException">And the other exceptions of <see cref="File.OpenHandle"/>.</exception>
    public static PooledBytes ReadFile(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        long size = RandomAccess.GetLength(handle);
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(size + 1, 4096), Array.MaxLength));
        int length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                int read = RandomAccess.Read(handle, buffer.AsSpan(length), length);
                if (read == 0) break;
                length += read;
            }
            return new PooledBytes(buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>Encodes text.</summary>
    /// <exception cref="EncoderFallbackException">The text cannot be encoded by <paramref name="encoding"/>.</exception>
    public static PooledBytes Encode(string text, Encoding encoding)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(encoding.GetByteCount(text), 1));
        try
        {
            return new PooledBytes(buffer, encoding.GetBytes(text, buffer));
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    public void Dispose()
    {
        if (_buffer is not null) ArrayPool<byte>.Shared.Return(_buffer);
    }
}
