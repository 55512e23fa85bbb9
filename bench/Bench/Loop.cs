using System.Diagnostics;
using QubesPoolConsole.Core.Config;
using QubesPoolConsole.Core.Diffs;
using QubesPoolConsole.Core.Pools;

namespace QubesPoolConsole.Bench;

/// <summary>Runs one step in a loop, so that a sampling profiler (perf) sees where its time goes.</summary>
public static class Loop
{
    public static int Run(string step, string path, int times)
    {
        var text = File.ReadAllText(path);
        var document = StorageConfDocument.Parse(text);
        var pool = document.Sections[document.Sections.Count / 2].Name;
        var edited = document.SetOption(pool, "dir_path", "/srv/pools/moved").ToText();
        var store = new QubesPoolConsole.Core.Storage.ConfFileStore(
            QubesPoolConsole.Core.Storage.ConfFileStoreOptions.For(path, Path.Combine(Path.GetTempPath(), "qpc-bench-state")));
        Func<object> run = step switch
        {
            "load" => () => store.Load(),
            "noop" => () => SaveUnchanged(store),
            "parse" => () => StorageConfDocument.Parse(text),
            "set" => () => document.SetOption(pool, "dir_path", "/srv/pools/moved"),
            "serialize" => () => document.ToText(),
            "diff" => () => UnifiedDiff.Create(text, edited),
            "validate" => () => PoolRules.Validate(document),
            "model" => () => PoolModel.Build(document),
            _ => throw new ArgumentException($"Unknown step '{step}': load, noop, parse, set, serialize, diff, validate or model."),
        };
        int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        for (int i = 0; i < times; i++) GC.KeepAlive(run());
        sw.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Console.WriteLine($"{step}: {sw.Elapsed.TotalMilliseconds / times:F3} ms wall, {cpu.TotalMilliseconds / times:F3} ms CPU, {allocated / times / 1024.0:F0} KiB allocated per run; " +
            $"GCs gen0 {GC.CollectionCount(0) - gen0}, gen1 {GC.CollectionCount(1) - gen1}, gen2 {GC.CollectionCount(2) - gen2}");
        return 0;
    }

    private static object SaveUnchanged(QubesPoolConsole.Core.Storage.ConfFileStore store)
    {
        var load = store.Load();
        return store.Save(load.Document!.ToText(), load.Sha256);
    }
}
