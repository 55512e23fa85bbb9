using QubesPoolConsole.Core.Backends;
using QubesPoolConsole.Server.Configuration;

namespace QubesPoolConsole.Server.Cli;

/// <summary>
/// The command line of the console's executable: a qvm-pool for Qubes R3.2 (<c>pools</c>, <c>check</c>,
/// <c>pool add|set|unset|remove</c>) and, over qubesd, for R4.1+ (<c>pools</c>, <c>pool add|set|remove</c>,
/// <c>prefs</c>, <c>vms</c>, <c>vm create</c>), over the same core as the web console. No web host is built.
/// </summary>
public static class CliApp
{
    /// <summary>The name help and error messages use for the executable.</summary>
    public const string ProgramName = "qubes-pool";

    /// <summary>True when the arguments ask for a command rather than for the server.</summary>
    public static bool IsCommand(string[] args) => CliParser.IsCommand(args);

    /// <summary>Runs a command; returns its exit code (<see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        // The settings decide the backend, and the backend which commands exist: resolve them once, while parsing.
        (ConsolePaths? Paths, ConsoleBackend? Backend, IReadOnlyList<string> Errors) resolved = (null, null, []);
        var parsed = CliParser.Parse(args, settings =>
        {
            resolved = CliConfiguration.ResolveWithBackend(settings);
            return resolved.Backend?.Kind == BackendKind.Qubesd ? CliCommands.Qubesd : CliCommands.All;
        });
        if (parsed.Request is not { } request)
        {
            stderr.WriteLine("error: " + parsed.Error);
            return ExitCodes.Usage;
        }
        bool qubesd = resolved.Backend?.Kind == BackendKind.Qubesd;
        if (request.Help)
        {
            stdout.Write(CliHelp.For(request.Arguments.FirstOrDefault() ?? "", qubesd ? CliCommands.Qubesd : CliCommands.All));
            return ExitCodes.Ok;
        }
        if (resolved.Paths is not { } paths)
        {
            foreach (var e in resolved.Errors) stderr.WriteLine("error: " + PoolsText.OneLine(e));
            return ExitCodes.Usage;
        }
        if (qubesd)
        {
            try
            {
                return await R4CliCommand.RunAsync(request, resolved.Backend!, paths, stdout, stderr);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Net.Sockets.SocketException)
            {
                // The stand-in's folder or socket could not be made; qubesd's own failures are replies, not exceptions.
                stderr.WriteLine("error: " + PoolsText.OneLine(ex.Message));
                return ExitCodes.WriteFailed;
            }
        }
        return Run(request, paths, stdout, stderr);
    }

    private static int Run(CliRequest request, ConsolePaths paths, TextWriter stdout, TextWriter stderr)
    {
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
