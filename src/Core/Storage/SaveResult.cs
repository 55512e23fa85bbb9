namespace QubesPoolConsole.Core.Storage;

/// <summary>What a save did.</summary>
public enum SaveStatus
{
    /// <summary>Written; the previous version is in history.</summary>
    Saved,
    /// <summary>Nothing to write: the file already holds exactly this text.</summary>
    Unchanged,
    /// <summary>The file changed since it was loaded; nothing was written.</summary>
    Conflict,
    /// <summary>Writing failed (permissions, disk full, lock timeout); the file is untouched.</summary>
    Failed,
}

/// <summary>The outcome of <see cref="ConfFileStore.Save"/>.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Sha256">Hash of the file now on disk (the new one when saved; the other writer's on conflict).</param>
/// <param name="CurrentText">On conflict: the text now on disk (null if it was deleted or is not UTF-8).</param>
/// <param name="HistoryEntry">When saved over an existing file: where its previous version was kept.</param>
/// <param name="Message">A sentence for the user.</param>
public sealed record SaveResult(SaveStatus Status, string? Sha256, string? CurrentText, string? HistoryEntry, string Message);
