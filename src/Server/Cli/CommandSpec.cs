namespace QubesPoolConsole.Server.Cli;

/// <summary>One command: its name, arguments, which flags it takes, and its help.</summary>
/// <param name="Name">"pools", "check", "pool add"…</param>
/// <param name="Arguments">Placeholders of its positional arguments, e.g. NAME, KEY.</param>
/// <param name="TakesJson">Accepts --json.</param>
/// <param name="Writes">Changes storage.conf (accepts --dry-run and --yes).</param>
/// <param name="TakesOptions">Accepts -o key=value.</param>
/// <param name="Summary">One line for the command list.</param>
/// <param name="Details">The rest of its --help.</param>
public sealed record CommandSpec(
    string Name,
    IReadOnlyList<string> Arguments,
    bool TakesJson,
    bool Writes,
    bool TakesOptions,
    string Summary,
    string Details)
{
    /// <summary>The usage line, e.g. "pool unset NAME KEY [--dry-run]".</summary>
    public string Usage
    {
        get
        {
            var parts = new List<string> { Name };
            parts.AddRange(Arguments);
            if (TakesOptions) parts.Add(Name == "pool add" ? "[-o key=value ...]" : "-o key=value [-o ...]");
            if (TakesJson) parts.Add("[--json]");
            if (Writes) parts.Add("[--dry-run] [--yes]");
            parts.Add("[--conf PATH] [--qubes-xml PATH]");
            return string.Join(' ', parts);
        }
    }
}
