using QubesPoolConsole.Core.Config;
using QubesPoolConsole.Core.Diagnostics;

namespace QubesPoolConsole.Core.Pools;

/// <summary>The outcome of an edit: the new document and its warnings, or the errors that refused it.</summary>
public sealed record EditResult
{
    private EditResult(StorageConfDocument? document, IReadOnlyList<Diagnostic> diagnostics)
    {
        Document = document;
        Diagnostics = diagnostics;
    }

    /// <summary>The edited document; null when refused.</summary>
    public StorageConfDocument? Document { get; }

    /// <summary>Errors (when refused) and warnings.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>True when the edit was accepted.</summary>
    public bool Ok => Document is not null;

    /// <summary>The errors that refused the edit.</summary>
    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.IsError);

    /// <summary>Warnings to show with an accepted edit.</summary>
    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => !d.IsError);

    internal static EditResult Accepted(StorageConfDocument document, IEnumerable<Diagnostic> warnings) => new(document, warnings.ToList());

    internal static EditResult Refused(IEnumerable<Diagnostic> errors) => new(null, errors.ToList());

    internal static EditResult Refused(Diagnostic error) => new(null, [error]);
}
