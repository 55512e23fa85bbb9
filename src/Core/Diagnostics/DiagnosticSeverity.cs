namespace QubesPoolConsole.Core.Diagnostics;

/// <summary>How bad a diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Qubes reads the file, but probably not the way its author meant.</summary>
    Warning,
    /// <summary>Qubes cannot read the file or a pool in it; the console refuses to write it.</summary>
    Error,
}
