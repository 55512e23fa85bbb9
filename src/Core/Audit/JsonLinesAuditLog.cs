using System.Text;
using System.Text.Json;

namespace QubesPoolConsole.Core.Audit;

/// <summary>An audit journal in a JSON-lines file: one entry per line, appended with a single write under a lock.</summary>
public sealed class JsonLinesAuditLog(string path) : IAuditLog
{
    private readonly object _gate = new();

    /// <summary>The journal file.</summary>
    public string Path { get; } = path;

    /// <inheritdoc />
    public void Append(AuditEntry entry)
    {
        var line = JsonSerializer.Serialize(entry, AuditJsonContext.Default.AuditEntry) + "\n";
        lock (_gate)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
            using var fs = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            fs.Write(Encoding.UTF8.GetBytes(line));
            fs.Flush(flushToDisk: true);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<AuditEntry> Read(int max = 500)
    {
        if (!File.Exists(Path)) return [];
        var entries = new List<AuditEntry>();
        foreach (var line in File.ReadLines(Path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                if (JsonSerializer.Deserialize(line, AuditJsonContext.Default.AuditEntry) is { } e) entries.Add(e);
            }
            catch (JsonException)
            {
                // A torn last line (crash mid-append) is skipped, never fatal.
            }
        }
        entries.Reverse();
        return entries.Take(max).ToList();
    }
}
