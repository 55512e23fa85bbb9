namespace QubesPoolConsole.Server.Cli;

/// <summary>One command: its name, arguments, which flags it takes, and its help.</summary>
/// <param name="Name">"pools", "check", "pool add"…</param>
/// <param name="Arguments">Placeholders of its positional arguments, e.g. NAME, KEY.</param>
/// <param name="TakesJson">Accepts --json.</param>
/// <param name="Writes">Changes storage.conf (accepts --dry-run and --yes).</param>
/// <param name="TakesOptions">Accepts -o key=value.</param>
/// <param name="Summary">One line for the command list.</param>
/// <param name="Details">The rest of its --help.</param>
/// <param name="Qubesd">A command of the qubesd backend (Qubes R4): no --yes, its own settings in the usage line.</param>
/// <param name="TakesVmOptions">Accepts qvm-create's --label, --class, --template, -P and --pool (<see cref="CliVmOptions"/>).</param>
public sealed record CommandSpec(
    string Name,
    IReadOnlyList<string> Arguments,
    bool TakesJson,
    bool Writes,
    bool TakesOptions,
    string Summary,
    string Details,
    bool Qubesd = false,
    bool TakesVmOptions = false)
{
    /// <summary>The usage line, e.g. "pool unset NAME KEY [--dry-run]".</summary>
    public string Usage
    {
        get
        {
            var parts = new List<string> { Name };
            parts.AddRange(Arguments);
            if (TakesVmOptions) parts.Add("--label LABEL [--class CLASS] [--template TEMPLATE] [-P POOL | --pool VOLUME=POOL ...]");
            if (TakesOptions) parts.Add(Name == "pool add" ? "[-o key=value ...]" : "-o key=value [-o ...]");
            if (TakesJson) parts.Add("[--json]");
            if (Name == "prefs") parts.Insert(1, "[--reset]");
            if (Writes) parts.Add(Qubesd ? "[--dry-run]" : "[--dry-run] [--yes]");
            parts.Add(Qubesd ? "[--backend qubesd] [--qubesd-socket PATH]" : "[--conf PATH] [--qubes-xml PATH]");
            return string.Join(' ', parts);
        }
    }
}
