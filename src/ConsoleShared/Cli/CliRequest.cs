namespace QubesPoolConsole.Server.Cli;

/// <summary>A parsed command line.</summary>
/// <param name="Command">One of <see cref="CliCommands"/>' names: "pools", "check", "pool add"…, or "help".</param>
/// <param name="Arguments">The command's positional arguments (pool name, key).</param>
/// <param name="Options">The <c>-o key=value</c> pairs, in order.</param>
/// <param name="Settings">Configuration values from --conf, --qubes-xml, --data, --state, --mode (keys as in appsettings.json).</param>
/// <param name="Json">--json.</param>
/// <param name="DryRun">--dry-run.</param>
/// <param name="Yes">--yes: the warnings that need a confirmation (a pool with VMs moves) are confirmed.</param>
/// <param name="Help">--help: show the command's help instead of running it.</param>
/// <param name="Reset">--reset (<c>prefs</c> over qubesd): reset the property to its default.</param>
/// <param name="Vm">The options of <c>vm create</c>; null for other commands.</param>
public sealed record CliRequest(
    string Command,
    IReadOnlyList<string> Arguments,
    IReadOnlyList<KeyValuePair<string, string>> Options,
    IReadOnlyDictionary<string, string?> Settings,
    bool Json = false,
    bool DryRun = false,
    bool Help = false,
    bool Yes = false,
    bool Reset = false,
    CliVmOptions? Vm = null);
