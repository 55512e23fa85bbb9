namespace QubesPoolConsole.Core.Storage;

/// <summary>Where a <see cref="ConfFileStore"/> keeps its lock and history.</summary>
public sealed record ConfFileStoreOptions
{
    /// <summary>The storage.conf file.</summary>
    public required string Path { get; init; }

    /// <summary>Folder for previous versions (the last <see cref="HistoryLimit"/> are kept).</summary>
    public required string HistoryDirectory { get; init; }

    /// <summary>Lock file shared by every writer (console, CLI).</summary>
    public required string LockPath { get; init; }

    /// <summary>How many previous versions to keep.</summary>
    public int HistoryLimit { get; init; } = 20;

    /// <summary>How long to wait for another writer.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The usual layout: history and lock under <paramref name="stateDirectory"/>.</summary>
    public static ConfFileStoreOptions For(string path, string stateDirectory) => new()
    {
        Path = path,
        HistoryDirectory = System.IO.Path.Combine(stateDirectory, "history"),
        LockPath = System.IO.Path.Combine(stateDirectory, "storage.conf.lock"),
    };
}
