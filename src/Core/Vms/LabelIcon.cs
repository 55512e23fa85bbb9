using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;

namespace QubesPoolConsole.Core.Vms;

/// <summary>A small square PNG in a label's colour: the sandbox's stand-in for the icon Qubes links as icon.png.</summary>
public static class LabelIcon
{
    /// <summary>A <paramref name="size"/>×<paramref name="size"/> PNG filled with <paramref name="label"/>'s colour.</summary>
    public static byte[] Png(VmLabel label, int size = 16)
    {
        var rgb = new[] { 1, 3, 5 }.Select(i => byte.Parse(label.Color.AsSpan(i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();
        var raw = new byte[size * (1 + 3 * size)];
        for (int y = 0; y < size; y++)
        {
            int row = y * (1 + 3 * size); // filter byte 0, then RGB triples
            for (int x = 0; x < size; x++) rgb.CopyTo(raw, row + 1 + 3 * x);
        }
        using var idat = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionLevel.Optimal, leaveOpen: true)) z.Write(raw);

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, size);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), size);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", idat.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        Span<byte> four = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(four, data.Length);
        s.Write(four);
        var typed = new byte[4 + data.Length];
        for (int i = 0; i < 4; i++) typed[i] = (byte)type[i];
        data.CopyTo(typed, 4);
        s.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(four, Crc32(typed));
        s.Write(four);
    }

    private static uint Crc32(byte[] data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
        }
        return ~crc;
    }
}
