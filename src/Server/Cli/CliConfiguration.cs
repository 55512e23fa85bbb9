using QubesPoolConsole.Server.Configuration;

namespace QubesPoolConsole.Server.Cli;

/// <summary>
/// Resolves the files a command works on from the same sources as the server — appsettings.json next to the
/// executable, QPC_* environment variables, then the command line — through the same <see cref="ConsolePaths.Resolve"/>,
/// without building a web host (a command starts in a fraction of a second).
/// </summary>
public static class CliConfiguration
{
    /// <summary>The resolved paths, or a sentence saying which setting is wrong.</summary>
    public static (ConsolePaths? Paths, string? Error) Resolve(IReadOnlyDictionary<string, string?> commandLine)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables("QPC_")
            .AddInMemoryCollection(commandLine)
            .Build();
        ConsoleOptions options;
        try
        {
            options = configuration.GetSection(ConsoleOptions.Section).Get<ConsoleOptions>() ?? new ConsoleOptions();
        }
        catch (InvalidOperationException ex)
        {
            var mode = configuration[$"{ConsoleOptions.Section}:{nameof(ConsoleOptions.Mode)}"];
            return mode is not null && !Enum.TryParse<ConsoleMode>(mode, ignoreCase: true, out _)
                ? (null, $"The mode '{mode}' is not known; use auto, sandbox or dom0.")
                : (null, $"A setting is not valid: {ex.Message}");
        }
        return (ConsolePaths.Resolve(options), null);
    }
}
