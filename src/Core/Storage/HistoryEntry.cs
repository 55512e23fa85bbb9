namespace QubesPoolConsole.Core.Storage;

/// <summary>A previous version of storage.conf kept before a save.</summary>
/// <param name="Path">The file in the history folder.</param>
/// <param name="SavedAt">When it was replaced (UTC).</param>
/// <param name="Size">Bytes.</param>
public sealed record HistoryEntry(string Path, DateTimeOffset SavedAt, long Size)
{
    /// <summary>The file name, e.g. storage.conf.20261127T181500123Z.</summary>
    public string Name => System.IO.Path.GetFileName(Path);
}
