namespace QubesPoolConsole.Core.Diagnostics;

/// <summary>
/// One finding about storage.conf or an edit of it: what is wrong, where, and how to fix it.
/// Expected failures travel as diagnostics, never as exceptions.
/// </summary>
/// <param name="Severity">Error (refused) or warning (allowed, but shown).</param>
/// <param name="Code">A stable identifier, one of <see cref="DiagnosticCodes"/>.</param>
/// <param name="Line">1-based line number in storage.conf, when the finding has one.</param>
/// <param name="Section">The section (pool) concerned, if any.</param>
/// <param name="Key">The option concerned, if any.</param>
/// <param name="Message">A sentence saying what is wrong and how to fix it.</param>
public sealed record Diagnostic(DiagnosticSeverity Severity, string Code, int? Line, string? Section, string? Key, string Message)
{
    /// <summary>True for <see cref="DiagnosticSeverity.Error"/>.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>Makes an error.</summary>
    public static Diagnostic Error(string code, string message, int? line = null, string? section = null, string? key = null)
        => new(DiagnosticSeverity.Error, code, line, section, key, message);

    /// <summary>Makes a warning.</summary>
    public static Diagnostic Warning(string code, string message, int? line = null, string? section = null, string? key = null)
        => new(DiagnosticSeverity.Warning, code, line, section, key, message);

    /// <inheritdoc />
    public override string ToString()
        => $"{(IsError ? "error" : "warning")}{(Line is { } l ? $" line {l}" : "")}: {Message}";
}
