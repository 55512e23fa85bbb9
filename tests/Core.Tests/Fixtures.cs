namespace QubesPoolConsole.Core.Tests;

/// <summary>The real Qubes files in ../shared/fixtures (found by walking up from the test binary).</summary>
public static class Fixtures
{
    private static readonly Lazy<string> Dir = new(() =>
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "shared", "fixtures");
            if (File.Exists(Path.Combine(candidate, "r3.2-shipped-storage.conf"))) return candidate;
        }
        throw new DirectoryNotFoundException("shared/fixtures not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The fixtures folder.</summary>
    public static string Directory => Dir.Value;

    /// <summary>Full path of a fixture file.</summary>
    public static string PathOf(string name) => System.IO.Path.Combine(Directory, name);

    /// <summary>The storage.conf Qubes R3.2 ships, exactly.</summary>
    public static byte[] ShippedStorageConf => File.ReadAllBytes(PathOf("r3.2-shipped-storage.conf"));
}
