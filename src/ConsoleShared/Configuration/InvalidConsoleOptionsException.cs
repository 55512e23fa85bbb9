namespace QubesPoolConsole.Server.Configuration;

/// <summary>The console's settings cannot be used; <see cref="Exception.Message"/> lists every problem, one per line.</summary>
public sealed class InvalidConsoleOptionsException(IReadOnlyList<string> errors)
    : Exception("The console cannot start; fix these settings (appsettings.json, QPC_Console__* variables or --options):"
        + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
{
    /// <summary>One sentence per bad value.</summary>
    public IReadOnlyList<string> Errors { get; } = errors;
}
