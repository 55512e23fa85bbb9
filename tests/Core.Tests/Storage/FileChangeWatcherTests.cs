using System.Collections.Concurrent;

namespace QubesPoolConsole.Core.Tests.Storage;

public class FileChangeWatcherTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("qpc-watch-").FullName;

    [Fact]
    public async Task BurstOfWrites_RaisesOnceWithTheFile()
    {
        var file = WriteFile("storage.conf", "a\n");
        using var watcher = new FileChangeWatcher([file], TimeSpan.FromMilliseconds(200));
        var seen = new ConcurrentQueue<IReadOnlyList<string>>();
        var first = new TaskCompletionSource();
        watcher.Changed += files => { seen.Enqueue(files); first.TrySetResult(); };

        for (int i = 0; i < 5; i++) File.AppendAllText(file, $"{i}\n");
        await first.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(500); // long enough for a second (wrong) notification of the same burst to arrive

        Assert.Single(seen);
        Assert.Equal([file], seen.Single());
    }

    [Fact]
    public async Task AtomicRenameOver_IsSeen_OtherFilesInTheFolderAreNot()
    {
        var file = WriteFile("qubes.xml", "<x/>");
        using var watcher = new FileChangeWatcher([file], TimeSpan.FromMilliseconds(50));
        var seen = new TaskCompletionSource<IReadOnlyList<string>>();
        watcher.Changed += files => seen.TrySetResult(files);

        File.WriteAllText(Path.Combine(_dir, "unrelated.txt"), "x");
        LikeAnEditor.Write(file, "<y/>");

        Assert.Equal([file], await seen.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    private string WriteFile(string name, string text)
    {
        var file = Path.Combine(_dir, name);
        File.WriteAllText(file, text);
        return file;
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
