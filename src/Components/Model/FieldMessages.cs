using QubesPoolConsole.Core.Diagnostics;
using static QubesPoolConsole.Core.Diagnostics.DiagnosticCodes;

namespace QubesPoolConsole.Components.Model;

/// <summary>
/// Core's diagnostics for a pool form, sorted by the field they belong to, so each message shows next to its field.
/// Fields are named by option key (<c>dir_path</c>, <c>class</c>, any other key), or <see cref="Name"/> / <see cref="General"/>.
/// </summary>
public sealed class FieldMessages
{
    /// <summary>The pool name field.</summary>
    public const string Name = "#name";

    /// <summary>Messages with no field.</summary>
    public const string General = "#general";

    /// <summary>The class field (also gets the driver's messages).</summary>
    public const string Class = KnownDrivers.ClassKey;

    /// <summary>The dir_path field.</summary>
    public const string DirPath = KnownDrivers.DirPathKey;

    private readonly List<Diagnostic> _all;

    /// <summary>Sorts <paramref name="diagnostics"/> (duplicates dropped).</summary>
    public FieldMessages(IEnumerable<Diagnostic> diagnostics) => _all = diagnostics.Distinct().ToList();

    /// <summary>No messages.</summary>
    public static FieldMessages None { get; } = new([]);

    /// <summary>Every message.</summary>
    public IReadOnlyList<Diagnostic> All => _all;

    /// <summary>True when any message is an error.</summary>
    public bool HasErrors => _all.Any(d => d.IsError);

    /// <summary>The field a diagnostic belongs to.</summary>
    public static string FieldOf(Diagnostic d) => d.Code switch
    {
        InvalidPoolName or ReservedSectionName or PoolExists or PoolNotFound or PoolInUse or PoolUsageUnknown => Name,
        InvalidClass or XenStorageClass or CustomDriverUnchecked or NoDriver or UnknownDriver => Class,
        _ => d.Key switch
        {
            null => General,
            "driver" => Class,
            { } key => key,
        },
    };

    /// <summary>Errors for a field.</summary>
    public IEnumerable<Diagnostic> ErrorsFor(string field) => _all.Where(d => d.IsError && FieldOf(d) == field);

    /// <summary>Warnings for a field.</summary>
    public IEnumerable<Diagnostic> WarningsFor(string field) => _all.Where(d => !d.IsError && FieldOf(d) == field);

    /// <summary>The errors of a field as one text (null when none), for a text field's error line.</summary>
    public string? ErrorText(string field)
        => ErrorsFor(field).Select(d => d.Message).ToList() is { Count: > 0 } m ? string.Join(" ", m) : null;

    /// <summary>Messages whose field is not among <paramref name="shown"/>, to show at the top of the form.</summary>
    public IEnumerable<Diagnostic> Unplaced(IEnumerable<string> shown)
    {
        var set = shown.ToHashSet(StringComparer.Ordinal);
        return _all.Where(d => !set.Contains(FieldOf(d)));
    }

    /// <summary>True when Core warns that the pool's VMs will be looked for at a new path.</summary>
    public bool MovesVms => _all.Any(d => d.Code == PoolMoved);
}
