using System.Globalization;
using QubesPoolConsole.Core.Audit;

namespace QubesPoolConsole.Components.Pages;

/// <summary>The audit journal: applied changes, newest first, each with its diff on demand.</summary>
public partial class AuditLogPage
{
    private readonly HashSet<AuditEntry> _expanded = new(ReferenceEqualityComparer.Instance);

    [Inject] public required IAuditLog AuditLog { get; init; }

    /// <summary>The entries shown (newest first).</summary>
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    /// <inheritdoc />
    protected override void OnInitialized() => Entries = AuditLog.Read();

    private bool IsExpanded(AuditEntry entry) => _expanded.Contains(entry);

    private void Toggle(AuditEntry entry)
    {
        if (!_expanded.Remove(entry)) _expanded.Add(entry);
    }

    private static string FormatTime(DateTimeOffset time)
        => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
