using System.Diagnostics;
using QubesPoolConsole.SaveLoop;

namespace QubesPoolConsole.Core.Tests.Support;

/// <summary>
/// Runs the SaveLoop tool as a real child process saving storage.conf in a loop, kills it with SIGKILL at random moments,
/// restarts it, and after every kill checks that the file is exactly one whole generation (the old or the new text,
/// never a mix), that Qubes can read it, and that the next start removed the temp files the kill left.
/// </summary>
public sealed class KillLoop
{
    public int Kills { get; private set; }
    public int KillsWithTempFilePresent { get; private set; }
    /// <summary>Kills after which the file still held the last generation the child had reported saving.</summary>
    public int KillsKeepingOldText { get; private set; }
    /// <summary>Kills after which the file held a later generation (one or more saves completed before the kill).</summary>
    public int KillsAfterNewText { get; private set; }
    public int LeftoversRemovedAtStart { get; private set; }
    public long SavesCompleted { get; private set; }
    public TimeSpan Elapsed { get; private set; }

    /// <summary>Runs <paramref name="kills"/> kill-restart rounds; throws (an assertion) at the first torn or unreadable file.</summary>
    public static KillLoop Run(int kills, int seed, int maxDelayMs = 40)
    {
        var loop = new KillLoop();
        var random = new Random(seed);
        var root = Directory.CreateTempSubdirectory("qpc-kill-").FullName;
        var conf = Path.Combine(root, "storage.conf");
        var state = Path.Combine(root, "state");
        var history = Path.Combine(state, "history");
        var clock = Stopwatch.StartNew();
        try
        {
            File.WriteAllText(conf, Generations.Text(0));
            long last = 0;
            for (int k = 0; k < kills; k++)
            {
                var leftBehind = TempFiles(root, history);
                using var child = Start(conf, state, out int removed, out long ready);
                loop.LeftoversRemovedAtStart += removed;
                // The start-up cleanup ran before the first save: what the previous kill left must be gone.
                var stillThere = leftBehind.Where(File.Exists).ToList();
                Assert.True(stillThere.Count == 0, $"round {k}: temp files survived the restart: {string.Join(", ", stillThere)}");

                Thread.Sleep(random.Next(0, maxDelayMs + 1));
                child.Kill();
                child.WaitForExit();
                loop.Kills++;

                if (TempFiles(root, history).Count > 0) loop.KillsWithTempFilePresent++;
                long now = CheckWholeGeneration(conf, $"round {k}");
                Assert.True(now >= last, $"round {k}: generation went back from {last} to {now}");
                Assert.True(now >= ready, $"round {k}: generation {now} is older than the {ready} the child had saved");
                if (now == ready) loop.KillsKeepingOldText++;
                else loop.KillsAfterNewText++;
                loop.SavesCompleted += now - last;
                last = now;
            }
            foreach (var h in Directory.Exists(history) ? Directory.EnumerateFiles(history, "storage.conf.*") : [])
            {
                CheckWholeGeneration(h, "history " + Path.GetFileName(h));
            }
            Assert.True(new ConfFileStore(ConfFileStoreOptions.For(conf, state)).RemoveLeftovers() >= 0);
            Assert.Empty(TempFiles(root, history));
        }
        finally
        {
            loop.Elapsed = clock.Elapsed;
            Directory.Delete(root, recursive: true);
        }
        return loop;
    }

    public override string ToString() =>
        $"kills survived: {Kills} (mid-write, temp file present: {KillsWithTempFilePresent}; old text kept: {KillsKeepingOldText}; " +
        $"new text in place: {KillsAfterNewText}); saves completed: {SavesCompleted}; temp files removed at restart: {LeftoversRemovedAtStart}; " +
        $"torn or unreadable files: 0; time: {Elapsed.TotalSeconds:0.0} s";

    private static Process Start(string conf, string state, out int leftoversRemoved, out long readyGeneration)
    {
        var psi = new ProcessStartInfo(Tools.DotnetHost) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Tools.SaveLoopDll, "loop", conf, state }) psi.ArgumentList.Add(a);
        var p = Process.Start(psi)!;
        leftoversRemoved = 0;
        while (p.StandardOutput.ReadLine() is { } line)
        {
            if (line.StartsWith("leftovers ", StringComparison.Ordinal)) leftoversRemoved = int.Parse(line[10..]);
            if (line.StartsWith("ready ", StringComparison.Ordinal))
            {
                readyGeneration = long.Parse(line[6..]);
                return p;
            }
        }
        p.WaitForExit();
        throw new InvalidOperationException($"SaveLoop exited ({p.ExitCode}) before it was ready: {p.StandardError.ReadToEnd()}");
    }

    private static long CheckWholeGeneration(string path, string where)
    {
        var bytes = File.ReadAllBytes(path);
        var load = ConfFileStore.FromBytes(bytes);
        Assert.True(load.IsLoaded, $"{where}: {load.Problem}");
        var text = load.Document!.ToText();
        var n = Generations.Claimed(text);
        Assert.True(n is not null, $"{where}: the file does not start with a generation line ({bytes.Length} bytes)");
        Assert.True(text == Generations.Text(n!.Value), $"{where}: the file is not exactly generation {n} ({bytes.Length} bytes): a torn write");
        Assert.True(load.Document.IsReadableByQubes, where);
        return n.Value;
    }

    private static List<string> TempFiles(string root, string history)
        => [.. Directory.EnumerateFiles(root, AtomicFileWriter.TempPrefix + "*"),
            .. Directory.Exists(history) ? Directory.EnumerateFiles(history, AtomicFileWriter.TempPrefix + "*") : []];

    /// <summary>Figures go to the test output and, when QPC_REPORT names a file, are appended there (for the scripts).</summary>
    public static void Report(Xunit.Abstractions.ITestOutputHelper output, string line)
    {
        output.WriteLine(line);
        if (Environment.GetEnvironmentVariable("QPC_REPORT") is { Length: > 0 } file) File.AppendAllText(file, line + "\n", new UTF8Encoding(false));
    }
}
