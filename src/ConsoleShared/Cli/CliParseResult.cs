namespace QubesPoolConsole.Server.Cli;

/// <summary>A parsed request, or the one sentence saying why the command line is wrong.</summary>
public sealed record CliParseResult(CliRequest? Request, string? Error)
{
    /// <summary>Parsed.</summary>
    public static CliParseResult Success(CliRequest request) => new(request, null);

    /// <summary>Not parsed, with the reason.</summary>
    public static CliParseResult Fail(string error) => new(null, error);
}
