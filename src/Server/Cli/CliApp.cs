using QubesPoolConsole.Server.Configuration;

namespace QubesPoolConsole.Server.Cli;

/// <summary>
/// The command line of the console's executable: a qvm-pool for Qubes R3.2 (<c>pools</c>, <c>check</c>,
/// <c>pool add|set|unset|remove</c>) over the same core as the web console. No web host is built.
/// </summary>
public static class CliApp
{
    /// <summary>The name help and error messages use for the executable.</summary>
    public const string ProgramName = "QubesPoolConsole";

    /// <summary>True when the arguments ask for a command rather than for the server.</summary>
    public static bool IsCommand(string[] args) => CliParser.IsCommand(args);

    /// <summary>Runs a command; returns its exit code (<see cref="ExitCodes"/>).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
        => Task.FromResult(Run(args, stdout, stderr));

    private static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = CliParser.Parse(args);
        if (parsed.Request is not { } request)
        {
            stderr.WriteLine("error: " + parsed.Error);
            return ExitCodes.Usage;
        }
        if (request.Help)
        {
            stdout.Write(CliHelp.For(request.Arguments.FirstOrDefault() ?? ""));
            return ExitCodes.Ok;
        }
        var (paths, settingErrors) = CliConfiguration.Resolve(request.Settings);
        if (paths is null)
        {
            foreach (var e in settingErrors) stderr.WriteLine("error: " + PoolsText.OneLine(e));
            return ExitCodes.Usage;
        }
        try
        {
            // The sandbox as a whole (no file given) is the server's, created on first use as the server does.
            bool explicitFiles = request.Settings.Keys.Any(k => k.EndsWith(":Conf", StringComparison.OrdinalIgnoreCase) || k.EndsWith(":QubesXml", StringComparison.OrdinalIgnoreCase));
            var core = ConsoleServices.Create(paths, seedSandbox: !explicitFiles && IsSandboxDefault(paths));
            return request.Command switch
            {
                "pools" => ReadCommands.Pools(request, core.Catalog, stdout, stderr),
                "check" => ReadCommands.Check(request, core.Catalog, stdout),
                _ => EditCommand.Run(request, core, stdout, stderr),
            };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine("error: " + PoolsText.OneLine(ex.Message));
            return ExitCodes.WriteFailed;
        }
    }

    private static bool IsSandboxDefault(ConsolePaths paths)
        => paths.Mode == ConsoleMode.Sandbox && paths.DataDirectory is { } data
           && paths.Conf == Path.Combine(data, "etc", "qubes", "storage.conf")
           && paths.QubesXml == Path.Combine(data, "var", "lib", "qubes", "qubes.xml");
}
