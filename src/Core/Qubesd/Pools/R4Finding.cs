using QubesPoolConsole.Core.Diagnostics;

namespace QubesPoolConsole.Core.Qubesd.Pools;

/// <summary>
/// One finding about a pool request or a batch: what qubesd would refuse (or do unexpectedly), for which pool and
/// option, in a sentence. Errors mean the console does not send the request.
/// </summary>
/// <param name="Severity">Error (not sent) or warning (sent, but shown).</param>
/// <param name="Code">A stable identifier, one of <see cref="R4Codes"/>.</param>
/// <param name="Pool">The pool concerned, if any.</param>
/// <param name="Option">The option or property concerned, if any.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="Step">The 1-based step of a batch, when the finding is about one.</param>
public sealed record R4Finding(DiagnosticSeverity Severity, string Code, string? Pool, string? Option, string Message, int? Step = null)
{
    /// <summary>True for <see cref="DiagnosticSeverity.Error"/>.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>Makes an error.</summary>
    public static R4Finding Error(string code, string message, string? pool = null, string? option = null)
        => new(DiagnosticSeverity.Error, code, pool, option, message);

    /// <summary>Makes a warning.</summary>
    public static R4Finding Warning(string code, string message, string? pool = null, string? option = null)
        => new(DiagnosticSeverity.Warning, code, pool, option, message);

    /// <inheritdoc />
    public override string ToString()
        => $"{(IsError ? "error" : "warning")}{(Step is { } s ? $" in step {s}" : "")}: {Message}";
}
