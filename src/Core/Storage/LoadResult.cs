using QubesPoolConsole.Core.Config;
using QubesPoolConsole.Core.Diagnostics;

namespace QubesPoolConsole.Core.Storage;

/// <summary>What loading storage.conf gave.</summary>
public enum LoadStatus
{
    /// <summary>Read and decoded; <see cref="LoadResult.Document"/> is set (it may still have errors).</summary>
    Loaded,
    /// <summary>The file does not exist (Qubes then has no pools at all).</summary>
    Missing,
    /// <summary>The file exists but cannot be read or is not UTF-8 text.</summary>
    Unreadable,
}

/// <summary>The outcome of <see cref="ConfFileStore.Load"/>.</summary>
/// <param name="Status">Loaded, missing or unreadable.</param>
/// <param name="Document">The document when loaded.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the bytes read; null when missing.</param>
/// <param name="Problem">Why it is missing or unreadable.</param>
public sealed record LoadResult(LoadStatus Status, StorageConfDocument? Document, string? Sha256, Diagnostic? Problem)
{
    /// <summary>True when a document was read.</summary>
    public bool IsLoaded => Status == LoadStatus.Loaded;
}
