namespace QubesPoolConsole.Core.Tests.Qubesd.Wire;

/// <summary>Byte strings written as in the Python sources (<c>\0</c> is a NUL), to keep the vectors readable.</summary>
internal static class Bytes
{
    public static byte[] Of(string text) => Encoding.UTF8.GetBytes(text);

    public static string Show(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes).Replace("\0", "\\0").Replace("\n", "\\n");
}
