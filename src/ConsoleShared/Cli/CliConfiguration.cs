using QubesPoolConsole.Server.Configuration;

namespace QubesPoolConsole.Server.Cli;

/// <summary>
/// Resolves the files a command works on from the same sources as the server, in the same order — appsettings.json
/// next to the executable, the system settings file (<see cref="SystemConfigFile"/>), QPC_* environment variables,
/// then the command line — checked by the same <see cref="ConsoleOptionsValidator"/> and resolved by the same
/// <see cref="ConsolePaths.Resolve"/>, without building a web host (a command starts in a fraction of a second).
/// </summary>
public static class CliConfiguration
{
    /// <summary>The resolved paths, or one sentence per bad setting.</summary>
    public static (ConsolePaths? Paths, IReadOnlyList<string> Errors) Resolve(IReadOnlyDictionary<string, string?> commandLine)
    {
        var (paths, _, errors) = ResolveWithBackend(commandLine);
        return (paths, errors);
    }

    /// <summary>The resolved paths and backend, or one sentence per bad setting.</summary>
    public static (ConsolePaths? Paths, ConsoleBackend? Backend, IReadOnlyList<string> Errors) ResolveWithBackend(IReadOnlyDictionary<string, string?> commandLine)
    {
        // The settings the parser took from the command line, in the form the server's command-line source reads.
        var args = commandLine.Select(s => $"--{s.Key}={s.Value}").ToArray();
        IConfigurationRoot configuration;
        try
        {
            configuration = new ConfigurationBuilder()
                .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
                .AddSystemConfigFile(args, new Dictionary<string, string>(ConsoleSwitches.Mappings))
                .AddEnvironmentVariables("QPC_")
                .AddInMemoryCollection(commandLine)
                .Build();
        }
        catch (InvalidConsoleOptionsException invalid)
        {
            return (null, null, invalid.Errors);
        }
        var section = configuration.GetSection(ConsoleOptions.Section);
        var errors = ConsoleOptionsValidator.Validate(section);
        if (errors.Count > 0) return (null, null, errors);
        var options = section.Get<ConsoleOptions>() ?? new ConsoleOptions();
        var paths = ConsolePaths.Resolve(options);
        return (paths, ConsoleBackend.Resolve(options, paths), []);
    }
}
