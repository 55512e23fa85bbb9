namespace QubesPoolConsole.Server.Configuration;

/// <summary>The resolved files and folders the console works on (sandbox or dom0).</summary>
public sealed record ConsolePaths(ConsoleMode Mode, string Conf, string QubesXml, string StateDirectory, string DefaultDirPath, string? DataDirectory)
{
    /// <summary>dom0's storage.conf.</summary>
    public const string Dom0Conf = "/etc/qubes/storage.conf";

    /// <summary>dom0's qubes.xml.</summary>
    public const string Dom0QubesXml = "/var/lib/qubes/qubes.xml";

    /// <summary>Where dom0 keeps the console's state.</summary>
    public const string Dom0State = "/var/lib/qubes-pool-console";

    /// <summary>Resolves the options: explicit paths win, then the mode's defaults.</summary>
    public static ConsolePaths Resolve(ConsoleOptions o)
    {
        var mode = o.Mode == ConsoleMode.Auto
            ? (File.Exists("/etc/qubes-release") ? ConsoleMode.Dom0 : ConsoleMode.Sandbox)
            : o.Mode;
        if (mode == ConsoleMode.Dom0)
        {
            return new ConsolePaths(mode, o.Conf ?? Dom0Conf, o.QubesXml ?? Dom0QubesXml,
                o.StateDirectory ?? Dom0State, o.DefaultDirPath ?? "/var/lib/qubes/", null);
        }
        var data = Path.GetFullPath(o.DataDirectory ?? DefaultDataDirectory());
        return new ConsolePaths(mode,
            Path.GetFullPath(o.Conf ?? Path.Combine(data, "etc", "qubes", "storage.conf")),
            Path.GetFullPath(o.QubesXml ?? Path.Combine(data, "var", "lib", "qubes", "qubes.xml")),
            Path.GetFullPath(o.StateDirectory ?? Path.Combine(data, "state")),
            o.DefaultDirPath ?? Path.Combine(data, "var", "lib", "qubes") + "/",
            data);
    }

    private static string DefaultDataDirectory()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var root = string.IsNullOrEmpty(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share")
            : xdg;
        return Path.Combine(root, "qubes-pool-console", "sandbox");
    }
}
