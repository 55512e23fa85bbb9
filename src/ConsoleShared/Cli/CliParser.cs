using QubesPoolConsole.Server.Configuration;

namespace QubesPoolConsole.Server.Cli;

/// <summary>
/// A small hand parser for the command grammar: global options (--conf, --qubes-xml, --data, --state, --mode,
/// --help) anywhere, a command word or two, positional arguments, and per-command flags. It exists so that every
/// mistake gets one sentence naming the word that was wrong (see the README's design note).
/// </summary>
public static class CliParser
{
    /// <summary>Switches that choose the files, mapped to configuration keys as the server maps them.</summary>
    public static IReadOnlyDictionary<string, string> SettingSwitches { get; } =
        ConsoleSwitches.Mappings.Where(s => s.Key != "--port").ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);

    /// <summary>
    /// True when <paramref name="args"/> ask for a command (or for help) rather than for the server: the first word
    /// that is neither an option nor an option's value is a command name, or --help/-h is given.
    /// </summary>
    public static bool IsCommand(IReadOnlyList<string> args)
    {
        for (int i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a is "--help" or "-h") return true;
            if (a == "--") return i + 1 < args.Count && CliCommands.FirstWords.Contains(args[i + 1]);
            if (!a.StartsWith('-')) return CliCommands.FirstWords.Contains(a);
            // The server's own options (--conf PATH, --urls URL…) take the next word as their value.
            if (!a.Contains('=') && a is not ("--json" or "--dry-run" or "--yes" or "--reset" or "--r4")) i++;
        }
        return false;
    }

    /// <summary>Parses the arguments against the storage.conf commands, or says in one sentence what is wrong with them.</summary>
    public static CliParseResult Parse(IReadOnlyList<string> args) => Parse(args, _ => CliCommands.All);

    /// <summary>
    /// Parses the arguments against the commands <paramref name="commandsFor"/> chooses from the settings the
    /// command line gives (the backend decides which commands exist), or says in one sentence what is wrong.
    /// </summary>
    public static CliParseResult Parse(IReadOnlyList<string> args,
        Func<IReadOnlyDictionary<string, string?>, IReadOnlyList<CommandSpec>> commandsFor)
    {
        var words = new List<string>();
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var options = new List<KeyValuePair<string, string>>();
        var vm = CliVmOptions.None;
        bool json = false, dryRun = false, yes = false, help = false, reset = false, endOfOptions = false;
        for (int i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (endOfOptions || a == "-" || !a.StartsWith('-'))
            {
                words.Add(a);
                continue;
            }
            if (a == "--")
            {
                endOfOptions = true;
                continue;
            }
            string name = a;
            string? inline = null;
            if (a.StartsWith("--", StringComparison.Ordinal) && a.IndexOf('=') is > 2 and var eq)
            {
                name = a[..eq];
                inline = a[(eq + 1)..];
            }
            else if (a.StartsWith("-o", StringComparison.Ordinal) && a.Length > 2)
            {
                name = "-o";
                inline = a[2..];
            }

            if (name is "--help" or "-h" or "--json" or "--dry-run" or "--yes" or "--reset" or "--r4")
            {
                if (inline is not null) return CliParseResult.Fail($"'{name}' takes no value; write it on its own.");
                if (name == "--json") json = true;
                else if (name == "--dry-run") dryRun = true;
                else if (name == "--yes") yes = true;
                else if (name == "--reset") reset = true;
                else if (name == "--r4") settings["Console:Backend"] = "qubesd"; // the R4 sandbox, as for the server
                else help = true;
                continue;
            }
            if (name is "-o" or "--option")
            {
                var pair = inline ?? (i + 1 < args.Count ? args[++i] : null);
                if (pair is null) return CliParseResult.Fail($"'{name}' needs a key=value after it, for example '-o dir_path=/mnt/vmstore'.");
                int sep = pair.IndexOf('=');
                if (sep <= 0) return CliParseResult.Fail($"'{name} {pair}' is not of the form key=value; write for example '-o dir_path=/mnt/vmstore'.");
                var key = pair[..sep];
                if (options.Any(o => o.Key == key)) return CliParseResult.Fail($"The option '{key}' is given twice; give each option once.");
                options.Add(new(key, pair[(sep + 1)..]));
                continue;
            }
            if (CliVmOptions.Switches.Contains(name))
            {
                var value = inline ?? (i + 1 < args.Count ? args[++i] : null);
                if (string.IsNullOrEmpty(value)) return CliParseResult.Fail($"'{name}' needs a value after it, for example '{name} {Example(name)}'.");
                var (next, error) = vm.With(name, value);
                if (next is null) return CliParseResult.Fail(error!);
                vm = next;
                continue;
            }
            if (SettingSwitches.TryGetValue(name, out var configKey))
            {
                var value = inline ?? (i + 1 < args.Count ? args[++i] : null);
                if (string.IsNullOrEmpty(value)) return CliParseResult.Fail($"'{name}' needs a value after it, for example '{name} {Example(name)}'.");
                settings[configKey] = value;
                continue;
            }
            return CliParseResult.Fail($"Unknown option '{name}'; see '{CliApp.ProgramName} --help' for the options.");
        }
        return Resolve(commandsFor(settings), words, options, vm, settings, json, dryRun, help, yes, reset);
    }

    private static CliParseResult Resolve(IReadOnlyList<CommandSpec> table, List<string> words, List<KeyValuePair<string, string>> options,
        CliVmOptions vm, Dictionary<string, string?> settings, bool json, bool dryRun, bool help, bool yes, bool reset)
    {
        if (words.Count == 0 || words[0] == "help")
        {
            var topic = string.Join(' ', words.Skip(1));
            if (topic.Length > 0 && CliCommands.Find(table, topic) is null && !CliCommands.IsGroup(table, topic))
            {
                return CliParseResult.Fail($"There is no command '{topic}'; see '{CliApp.ProgramName} --help' for the commands.");
            }
            return CliParseResult.Success(new CliRequest("help", topic.Length > 0 ? [topic] : [], [], settings, Help: true));
        }
        var first = words[0];
        int used = 1;
        CommandSpec? spec;
        if (CliCommands.IsGroup(table, first))
        {
            var group = CliCommands.InGroup(table, first);
            if (words.Count < 2)
            {
                var second = group.Select(c => c.Name[(first.Length + 1)..]).ToList();
                return help
                    ? CliParseResult.Success(new CliRequest("help", [first], [], settings, Help: true))
                    : CliParseResult.Fail($"'{first}' needs {(second.Count > 1 ? "one of " : "")}{OrList(second)} after it, for example '{GroupExample(table, first)}'.");
            }
            spec = CliCommands.Find(table, first + " " + words[1]);
            if (spec is null) return CliParseResult.Fail($"There is no command '{first} {words[1]}'; use {OrList(group.Select(c => c.Name))}.");
            used = 2;
        }
        else
        {
            spec = CliCommands.Find(table, first);
            if (spec is null && CliCommands.FirstWords.Contains(first))
            {
                return CliParseResult.Fail(table == CliCommands.All
                    ? $"'{first}' is a command of the qubesd backend (Qubes R4); add '--backend qubesd' (or '--r4' for the R4 sandbox)."
                    : $"'{first}' is a command of the storage.conf backend (Qubes R3.2); it does not exist over qubesd.");
            }
            if (spec is null) return CliParseResult.Fail($"There is no command '{first}'; see '{CliApp.ProgramName} --help' for the commands.");
        }
        if (help) return CliParseResult.Success(new CliRequest("help", [spec.Name], [], settings, Help: true));

        string hint = $"see '{CliApp.ProgramName} {spec.Name} --help'";
        if (json && !spec.TakesJson) return CliParseResult.Fail($"'{spec.Name}' has no --json output; {hint}.");
        if (dryRun && !spec.Writes) return CliParseResult.Fail($"'{spec.Name}' never writes, so --dry-run does not apply; {hint}.");
        if (yes && !spec.Writes) return CliParseResult.Fail($"'{spec.Name}' never writes, so --yes does not apply; {hint}.");
        if (yes && spec.Qubesd) return CliParseResult.Fail($"'{spec.Name}' over qubesd needs no --yes (nothing asks for a confirmation; --dry-run shows the plan); {hint}.");
        if (reset && spec.Name != "prefs") return CliParseResult.Fail($"--reset applies only to 'prefs'; {hint}.");
        var arguments = reset ? spec.Arguments.Take(1).ToList() : spec.Arguments;
        if (options.Count > 0 && !spec.TakesOptions) return CliParseResult.Fail($"'{spec.Name}' takes no -o key=value; {hint}.");
        if (vm.Any && !spec.TakesVmOptions) return CliParseResult.Fail($"'{spec.Name}' takes no --label, --class, --template, -P or --pool; {hint}.");
        var rest = words.Skip(used).ToList();
        if (rest.Count < arguments.Count)
        {
            return CliParseResult.Fail($"'{spec.Name}' needs {string.Join(" and ", arguments.Skip(rest.Count))}; {hint}.");
        }
        if (rest.Count > arguments.Count) return CliParseResult.Fail($"Unexpected argument '{rest[arguments.Count]}' after '{spec.Name}'{(reset ? " --reset" : "")}; {hint}.");
        if (spec.Name == "pool set" && options.Count == 0) return CliParseResult.Fail($"'pool set' needs at least one -o key=value; {hint}.");
        if (spec.TakesVmOptions && vm.Label is null) return CliParseResult.Fail($"'{spec.Name}' needs --label LABEL, for example '--label blue'; {hint}.");
        if (vm.Pool is not null && vm.Pools.Count > 0)
        {
            return CliParseResult.Fail($"-P and --pool do not go together: give one pool for every volume (-P POOL) or pools per volume (--pool VOLUME=POOL); {hint}.");
        }
        return CliParseResult.Success(new CliRequest(spec.Name, rest, options, settings, json, dryRun, Yes: yes, Reset: reset,
            Vm: spec.TakesVmOptions ? vm : null));
    }

    private static string GroupExample(IReadOnlyList<CommandSpec> table, string group) => group switch
    {
        "vm" => "vm create NAME --label blue",
        _ => table == CliCommands.All ? "pool add NAME -o dir_path=/mnt/vmstore" : "pool add NAME file -o dir_path=/mnt/vmstore",
    };

    // "a", "a or b", "a, b or c".
    private static string OrList(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 1 ? list[0] : string.Join(", ", list.SkipLast(1)) + " or " + list[^1];
    }

    private static string Example(string option) => option switch
    {
        "--mode" => "sandbox",
        "--backend" => "qubesd",
        "--r4-release" => "4.2",
        "--qubesd-socket" => "/var/run/qubesd.sock",
        "--data" or "--state" => "/path/to/folder",
        "--label" => "blue",
        "--class" => "TemplateVM",
        "--template" => "fedora-42",
        "-P" => "vm-pool",
        "--pool" => "private=vm-pool",
        _ => "/path/to/file",
    };
}
