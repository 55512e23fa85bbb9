namespace QubesPoolConsole.Core.Storage;

/// <summary>
/// Tells when any of a few files (storage.conf, qubes.xml) changed on disk, whoever changed them. Watches each file's
/// directory rather than the file itself, so that a writer that replaces the file by renaming a temp file over it
/// (the console, Qubes' qubes.xml writer, most editors) is seen too. Bursts of events are merged: <see cref="Changed"/>
/// is raised once, <see cref="Debounce"/> after the last event, on a thread-pool thread.
/// </summary>
public sealed class FileChangeWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly Timer _timer;
    private bool _disposed;

    /// <summary>Starts watching <paramref name="files"/> (full paths). A file whose directory does not exist is not watched.</summary>
    public FileChangeWatcher(IEnumerable<string> files, TimeSpan? debounce = null)
    {
        Debounce = debounce ?? TimeSpan.FromMilliseconds(250);
        _timer = new Timer(_ => Flush());
        foreach (var group in files.Select(Path.GetFullPath).GroupBy(f => Path.GetDirectoryName(f)!, StringComparer.Ordinal))
        {
            if (!Directory.Exists(group.Key)) continue;
            var watcher = new FileSystemWatcher(group.Key)
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                IncludeSubdirectories = false,
            };
            foreach (var file in group) _names.Add(file);
            watcher.Changed += (_, e) => Seen(e.FullPath);
            watcher.Created += (_, e) => Seen(e.FullPath);
            watcher.Deleted += (_, e) => Seen(e.FullPath);
            watcher.Renamed += (_, e) => { Seen(e.FullPath); Seen(e.OldFullPath); };
            // Lost events (buffer overflow): say that everything may have changed.
            watcher.Error += (_, _) => { foreach (var f in group) Seen(f); };
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    /// <summary>How long to wait after the last event before raising <see cref="Changed"/>.</summary>
    public TimeSpan Debounce { get; }

    /// <summary>The watched files (full paths) whose directory exists.</summary>
    public IReadOnlyCollection<string> Files => _names;

    /// <summary>Raised with the watched files that changed (full paths), once per burst, on a thread-pool thread.</summary>
    public event Action<IReadOnlyList<string>>? Changed;

    /// <summary>Raises <see cref="Changed"/> for <paramref name="file"/> as if the disk had changed (tests, manual refresh).</summary>
    public void Notify(string file) => Seen(Path.GetFullPath(file));

    private void Seen(string path)
    {
        if (!_names.Contains(path)) return;
        lock (_gate)
        {
            if (_disposed) return;
            _pending.Add(path);
            _timer.Change(Debounce, Timeout.InfiniteTimeSpan);
        }
    }

    private void Flush()
    {
        string[] changed;
        lock (_gate)
        {
            if (_disposed || _pending.Count == 0) return;
            changed = [.. _pending];
            _pending.Clear();
        }
        // One subscriber's bug must not stop the others, nor kill the process from a timer thread.
        foreach (var handler in Changed?.GetInvocationList() ?? [])
        {
            try { ((Action<IReadOnlyList<string>>)handler)(changed); }
            catch (Exception ex) { System.Diagnostics.Trace.TraceError($"FileChangeWatcher subscriber failed: {ex}"); }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
        }
        foreach (var w in _watchers) w.Dispose();
        _timer.Dispose();
    }
}
