using System.Diagnostics;
using System.Globalization;
using System.Text;
using QubesPoolConsole.Core.Config;
using QubesPoolConsole.Core.Diffs;
using QubesPoolConsole.Core.Pools;
using QubesPoolConsole.Core.Storage;

namespace QubesPoolConsole.Bench;

/// <summary>
/// Core's side of bench/compare.sh, timed in process after warm-up: the same job as the Python side
/// (read the file, set one key, write the result) plus the unified diff, and a no-op load + save.
/// Prints one <c>name median=… n=… samples=t1,t2,…</c> line per measurement (milliseconds), which the script reads.
/// </summary>
public static class SideBySide
{
    private const string NewDirPath = "/srv/pools/moved";
    private const int WarmUp = 10;

    public static int Run(string path, int repetitions, bool detail)
    {
        var original = File.ReadAllText(path);
        var sections = StorageConfDocument.Parse(original).Sections;
        var pool = sections[sections.Count / 2].Name;
        var output = path + ".core.out";
        var store = new ConfFileStore(ConfFileStoreOptions.For(path, Path.Combine(Path.GetTempPath(), "qpc-bench-state")));

        // The job, as compare.sh states it for both sides: read, parse, set one key, serialize, diff, write.
        Report("core_job", repetitions, () =>
        {
            var text = File.ReadAllText(path);
            var edited = StorageConfDocument.Parse(text).SetOption(pool, "dir_path", NewDirPath).ToText();
            var diff = UnifiedDiff.Create(text, edited);
            File.WriteAllText(output, edited);
            return diff.Length > 0 ? null : "the edit changed nothing";
        });

        // A no-op load + save through the safe store: read, hash, decode, parse, serialize, and the save's own
        // lock + re-read + hash check, which finds the bytes identical and writes nothing.
        var bytes = File.ReadAllBytes(path);
        Report("core_noop_load_save", repetitions, () =>
        {
            var load = store.Load();
            var text = load.Document!.ToText();
            var save = store.Save(text, load.Sha256);
            if (save.Status != SaveStatus.Unchanged) return $"the no-op save was {save.Status}";
            return Encoding.UTF8.GetBytes(text).AsSpan().SequenceEqual(bytes) ? null : "the no-op save is not byte-identical";
        });

        if (!detail) return 0;

        // The job in memory only (no file I/O), and where its time goes.
        Report("core_in_memory", repetitions, () =>
            UnifiedDiff.Create(original, StorageConfDocument.Parse(original).SetOption(pool, "dir_path", NewDirPath).ToText()).Length > 0 ? null : "no diff");
        var parsed = StorageConfDocument.Parse(original);
        var editedDoc = parsed.SetOption(pool, "dir_path", NewDirPath);
        var editedText = editedDoc.ToText();
        Report("stage_parse", repetitions, () => Keep(StorageConfDocument.Parse(original)));
        Report("stage_set_option", repetitions, () => Keep(parsed.SetOption(pool, "dir_path", NewDirPath)));
        Report("stage_serialize_edited", repetitions, () => Keep(parsed.SetOption(pool, "dir_path", NewDirPath).ToText()));
        Report("stage_diff", repetitions, () => Keep(UnifiedDiff.Create(original, editedText)));
        Report("stage_validate", repetitions, () => Keep(PoolRules.Validate(parsed)));
        Report("stage_effective_pools", repetitions, () => Keep(PoolModel.Build(parsed)));

        // As the console and the CLI do it: through the pool editor, which validates the file before and after.
        Report("core_pool_editor", repetitions, () =>
        {
            var text = File.ReadAllText(path);
            var result = PoolEditor.Apply(StorageConfDocument.Parse(text), new SetPoolOptions(pool, [new("dir_path", NewDirPath)]));
            return result.Ok && UnifiedDiff.Create(text, result.Document!.ToText()).Length > 0 ? null : "the pool editor refused the edit";
        });
        return 0;
    }

    private static string? Keep(object o)
    {
        GC.KeepAlive(o);
        return null;
    }

    /// <summary>Runs <paramref name="run"/> (which returns null, or what went wrong) after warm-up, and prints the times.</summary>
    private static void Report(string name, int repetitions, Func<string?> run)
    {
        for (int i = 0; i < WarmUp; i++) Check(name, run());
        var times = new double[repetitions];
        for (int i = 0; i < repetitions; i++)
        {
            long start = Stopwatch.GetTimestamp();
            var problem = run();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            Check(name, problem);
        }
        var sorted = times.Order().ToArray();
        double median = repetitions % 2 == 1 ? sorted[repetitions / 2] : (sorted[repetitions / 2 - 1] + sorted[repetitions / 2]) / 2;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name} median={median:F3} n={repetitions} samples={string.Join(",", times.Select(t => t.ToString("F3", CultureInfo.InvariantCulture)))}"));
    }

    private static void Check(string name, string? problem)
    {
        if (problem is not null) throw new InvalidOperationException($"{name}: {problem}.");
    }
}
