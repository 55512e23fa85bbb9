namespace QubesPoolConsole.Server.Configuration;

/// <summary>
/// The installed console's settings file, <c>/etc/qubes-pool-console/appsettings.json</c> (optional). It overrides
/// the appsettings.json beside the executable; QPC_ variables and command-line options override it. Another file can
/// be named with <c>--config PATH</c> or <c>QPC_Console__ConfigFile</c>.
/// </summary>
public static class SystemConfigFile
{
    /// <summary>The default location.</summary>
    public const string DefaultPath = "/etc/qubes-pool-console/appsettings.json";

    /// <summary>The configuration key that names another file.</summary>
    public const string Key = "Console:ConfigFile";

    /// <summary>Adds the settings file (if it exists) to <paramref name="configuration"/>.</summary>
    public static IConfigurationBuilder AddSystemConfigFile(this IConfigurationBuilder configuration, string[] args,
        IDictionary<string, string> switchMappings)
    {
        var early = new ConfigurationBuilder()
            .AddEnvironmentVariables("QPC_")
            .AddCommandLine(args, switchMappings)
            .Build();
        var path = early[Key];
        if (string.IsNullOrWhiteSpace(path))
        {
            return configuration.AddJsonFile(DefaultPath, optional: true, reloadOnChange: false);
        }
        // A file named explicitly must exist: a typo should not silently fall back to the defaults.
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new InvalidConsoleOptionsException([$"{Key} = \"{path}\": the file {full} does not exist."]);
        }
        return configuration.AddJsonFile(full, optional: false, reloadOnChange: false);
    }
}
