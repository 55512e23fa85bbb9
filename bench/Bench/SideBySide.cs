using System.Diagnostics;
using System.Text;
using QubesPoolConsole.Core.Config;
using QubesPoolConsole.Core.Diffs;
using QubesPoolConsole.Core.Pools;
using QubesPoolConsole.Core.Storage;

namespace QubesPoolConsole.Bench;

/// <summary>
/// Core's side of bench/compare.sh, timed in process after warm-up: the same job as the Python side
/// (read the file, set one key, write the result) plus the unified diff, and a no-op load + save.
/// Prints <c>name_ms=value</c> lines that the script reads.
/// </summary>
public static class SideBySide
{
    private const string NewDirPath = "/srv/pools/moved";

    public static int Run(string path, int repetitions)
    {
        var original = File.ReadAllText(path);
        var pool = MiddlePoolOf(original);
        var output = path + ".core.out";
        var store = new ConfFileStore(ConfFileStoreOptions.For(path, Path.Combine(Path.GetTempPath(), "qpc-bench-state")));

        // The job, as compare.sh states it for both sides: read, parse, set one key, serialize, diff, write.
        double Job()
        {
            var sw = Stopwatch.StartNew();
            var text = File.ReadAllText(path);
            var edited = StorageConfDocument.Parse(text).SetOption(pool, "dir_path", NewDirPath).ToText();
            var diff = UnifiedDiff.Create(text, edited);
            File.WriteAllText(output, edited);
            sw.Stop();
            if (diff.Length == 0) throw new InvalidOperationException("The edit changed nothing.");
            return sw.Elapsed.TotalMilliseconds;
        }

        // The same in memory only, without file I/O.
        double InMemory()
        {
            var sw = Stopwatch.StartNew();
            var edited = StorageConfDocument.Parse(original).SetOption(pool, "dir_path", NewDirPath).ToText();
            var diff = UnifiedDiff.Create(original, edited);
            sw.Stop();
            GC.KeepAlive(diff);
            return sw.Elapsed.TotalMilliseconds;
        }

        // As the console and the CLI do it: through the pool editor, which validates the file before and after.
        double Editor()
        {
            var sw = Stopwatch.StartNew();
            var text = File.ReadAllText(path);
            var result = PoolEditor.Apply(StorageConfDocument.Parse(text), new SetPoolOptions(pool, [new("dir_path", NewDirPath)]));
            var diff = UnifiedDiff.Create(text, result.Document!.ToText());
            sw.Stop();
            if (!result.Ok || diff.Length == 0) throw new InvalidOperationException("The pool editor refused the edit.");
            return sw.Elapsed.TotalMilliseconds;
        }

        // A no-op load + save through the safe store: read, hash, decode, parse, serialize, and the save's own
        // lock + re-read + hash check, which finds the bytes identical and writes nothing.
        var bytes = File.ReadAllBytes(path);
        double NoOpLoadSave()
        {
            var sw = Stopwatch.StartNew();
            var load = store.Load();
            var text = load.Document!.ToText();
            var save = store.Save(text, load.Sha256);
            sw.Stop();
            if (save.Status != SaveStatus.Unchanged) throw new InvalidOperationException($"No-op save was {save.Status}.");
            if (!Encoding.UTF8.GetBytes(text).AsSpan().SequenceEqual(bytes)) throw new InvalidOperationException("No-op save is not byte-identical.");
            return sw.Elapsed.TotalMilliseconds;
        }

        // Where the in-memory time goes.
        var parsed = StorageConfDocument.Parse(original);
        var editedDoc = parsed.SetOption(pool, "dir_path", NewDirPath);
        var editedText = editedDoc.ToText();
        Report("stage_parse_ms", () => Time(() => StorageConfDocument.Parse(original)), repetitions);
        Report("stage_set_option_ms", () => Time(() => parsed.SetOption(pool, "dir_path", NewDirPath)), repetitions);
        Report("stage_serialize_ms", () => Time(() => editedDoc.ToText()), repetitions);
        Report("stage_diff_ms", () => Time(() => UnifiedDiff.Create(original, editedText)), repetitions);
        Report("stage_validate_ms", () => Time(() => PoolRules.Validate(parsed)), repetitions);

        Report("core_job_ms", Job, repetitions);
        Report("core_in_memory_ms", InMemory, repetitions);
        Report("core_pool_editor_ms", Editor, repetitions);
        Report("core_noop_load_save_ms", NoOpLoadSave, repetitions);
        Console.WriteLine("noop_load_save_identical=true");
        return 0;
    }

    private static void Report(string name, Func<double> run, int repetitions)
    {
        for (int i = 0; i < 10; i++) run();
        var times = new double[repetitions];
        for (int i = 0; i < repetitions; i++) times[i] = run();
        Array.Sort(times);
        double median = repetitions % 2 == 1 ? times[repetitions / 2] : (times[repetitions / 2 - 1] + times[repetitions / 2]) / 2;
        Console.WriteLine($"{name}={median:F3} min={times[0]:F3} max={times[^1]:F3} n={repetitions}");
    }

    private static double Time(Func<object> step)
    {
        var sw = Stopwatch.StartNew();
        GC.KeepAlive(step());
        return sw.Elapsed.TotalMilliseconds;
    }

    private static string MiddlePoolOf(string text)
    {
        var sections = StorageConfDocument.Parse(text).Sections;
        return sections[sections.Count / 2].Name;
    }
}
