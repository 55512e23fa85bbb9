namespace QubesPoolConsole.Server.Cli;

/// <summary>
/// The options of <c>vm create</c>, as qvm-create takes them: <c>--label</c>, <c>--class</c>, <c>--template</c>,
/// and <c>-P POOL</c> or repeated <c>--pool VOLUME=POOL</c>.
/// </summary>
/// <param name="Label">--label.</param>
/// <param name="Class">--class; null for AppVM.</param>
/// <param name="Template">--template; null for default_template (or none, by class).</param>
/// <param name="Pool">-P: one pool for every volume that can move.</param>
/// <param name="Pools">--pool VOLUME=POOL pairs, in order.</param>
public sealed record CliVmOptions(string? Label, string? Class, string? Template, string? Pool, IReadOnlyList<KeyValuePair<string, string>> Pools)
{
    /// <summary>No option given.</summary>
    public static CliVmOptions None { get; } = new(null, null, null, null, []);

    /// <summary>The switches, each of which takes a value.</summary>
    public static IReadOnlySet<string> Switches { get; } = new HashSet<string>(StringComparer.Ordinal) { "--label", "--class", "--template", "-P", "--pool" };

    /// <summary>These options with <paramref name="name"/> <paramref name="value"/> added, or the sentence why not.</summary>
    public (CliVmOptions? Options, string? Error) With(string name, string value)
    {
        if (name == "--pool")
        {
            int sep = value.IndexOf('=');
            if (sep <= 0 || sep == value.Length - 1)
                return (null, $"'--pool {value}' is not of the form VOLUME=POOL; write for example '--pool private=vm-pool'.");
            var volume = value[..sep];
            if (Pools.Any(p => p.Key == volume)) return (null, $"The volume '{volume}' is given twice with --pool; give each volume once.");
            return (this with { Pools = [.. Pools, new(volume, value[(sep + 1)..])] }, null);
        }
        var current = name switch
        {
            "--label" => Label,
            "--class" => Class,
            "--template" => Template,
            _ => Pool,
        };
        if (current is not null) return (null, $"'{name}' is given twice; give it once.");
        return (name switch
        {
            "--label" => this with { Label = value },
            "--class" => this with { Class = value },
            "--template" => this with { Template = value },
            _ => this with { Pool = value },
        }, null);
    }

    /// <summary>True when any option is given.</summary>
    public bool Any => (Label ?? Class ?? Template ?? Pool) is not null || Pools.Count > 0;
}
