namespace QubesPoolConsole.Server.Configuration;

/// <summary>The values <see cref="ConsoleOptions.Backend"/> accepts (written as in appsettings.json).</summary>
public static class ConsoleBackendSetting
{
    /// <summary>Dom0: the backend /etc/qubes-release implies; the sandbox: storage.conf.</summary>
    public const string Auto = "auto";

    /// <summary>Qubes R3.2: pools in storage.conf.</summary>
    public const string StorageConf = "storage-conf";

    /// <summary>Qubes R4.1 and later: pools in qubesd (in sandbox mode the stand-in qubesd).</summary>
    public const string Qubesd = "qubesd";

    /// <summary>Every accepted value, in the order messages list them.</summary>
    public static IReadOnlyList<string> All { get; } = [Auto, StorageConf, Qubesd];

    /// <summary>The releases the R4 sandbox can answer as.</summary>
    public static IReadOnlyList<string> SandboxReleases { get; } = ["4.3", "4.2"];

    /// <summary>The R4 sandbox's default release.</summary>
    public const string DefaultSandboxRelease = "4.3";

    /// <summary>The command-line flag that starts the R4 sandbox: the same as <c>--backend qubesd</c>.</summary>
    public const string R4Flag = "--r4";

    /// <summary>
    /// Rewrites the valueless <c>--r4</c> flag as <c>--backend=qubesd</c> so configuration's command-line source
    /// (which would take the next word as the flag's value) reads it.
    /// </summary>
    public static string[] ExpandFlags(string[] args)
        => args.Select(a => a == R4Flag ? "--backend=" + Qubesd : a).ToArray();
}
