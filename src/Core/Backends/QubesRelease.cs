using System.Text.RegularExpressions;

namespace QubesPoolConsole.Core.Backends;

/// <summary>Which storage backend a Qubes release needs.</summary>
public enum BackendKind
{
    /// <summary>Qubes R3.2: pools in /etc/qubes/storage.conf.</summary>
    StorageConf,
    /// <summary>Qubes R4.1 and later: pools in qubesd, changed through the Admin API.</summary>
    Qubesd,
}

/// <summary>A Qubes release as /etc/qubes-release names it ("Qubes release 4.2.4 (R4.2)").</summary>
/// <param name="Major">Major version, e.g. 4.</param>
/// <param name="Minor">Minor version, e.g. 2.</param>
/// <param name="Text">The file's first line, as written.</param>
public sealed partial record QubesRelease(int Major, int Minor, string Text)
{
    /// <summary>The usual location in dom0.</summary>
    public const string DefaultPath = "/etc/qubes-release";

    /// <summary>"R4.2" style.</summary>
    public string Name => $"R{Major}.{Minor}";

    /// <summary>R3.x keeps pools in storage.conf; R4.0 speaks an older socket framing the console does not
    /// implement, so it is refused by <see cref="Backend"/>; R4.1 and later use qubesd.</summary>
    public BackendKind? Backend => Major switch
    {
        3 => BackendKind.StorageConf,
        4 when Minor >= 1 => BackendKind.Qubesd,
        > 4 => BackendKind.Qubesd,
        _ => null,
    };

    /// <summary>Parses the file's text; null when it names no release.</summary>
    public static QubesRelease? Parse(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        var m = ReleasePattern().Match(line);
        if (!m.Success) return null;
        return new QubesRelease(int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), line);
    }

    /// <summary>Reads <paramref name="path"/>; null when it is missing, unreadable or names no release.</summary>
    public static QubesRelease? Read(string path = DefaultPath)
    {
        try
        {
            return File.Exists(path) ? Parse(File.ReadAllText(path)) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^Qubes\s+release\s+(\d+)\.(\d+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReleasePattern();
}
