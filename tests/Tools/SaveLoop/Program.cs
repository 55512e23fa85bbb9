using System.Text;
using QubesPoolConsole.Core.Storage;
using QubesPoolConsole.SaveLoop;

// Usage:
//   loop <storage.conf> <state-dir>         remove leftovers and print "leftovers N"; save generation after generation
//                                           (each save: load, check, atomic write) until killed, printing "ready <generation>" after the first
//   once <storage.conf> <state-dir> <file>  save the file's text over storage.conf once; print "<Status>: <message>"
//   load <storage.conf>                     print "<Status>" and the problem's code and message, if any
// Exit codes: 0 ok (saved, unchanged, loaded), 2 conflict, 3 failed or missing/unreadable, 64 usage.
if (args.Length < 2) return Usage();
var conf = args[1];
switch (args[0])
{
    case "loop" when args.Length == 3:
        {
            var store = new ConfFileStore(ConfFileStoreOptions.For(conf, args[2]));
            Console.Out.Write($"leftovers {store.RemoveLeftovers()}\n");
            Console.Out.Flush();
            for (long saves = 0; ; saves++)
            {
                var load = store.Load();
                long gen = load.Document is { } doc ? Generations.Claimed(doc.ToText()) ?? 0 : 0;
                var result = store.Save(Generations.Text(gen + 1), load.Sha256);
                if (result.Status is SaveStatus.Failed)
                {
                    Console.Error.WriteLine(result.Message);
                    return 3;
                }
                if (saves == 0)
                {
                    // Warmed up (the first save JIT-compiles the path): from now on a kill lands in a steady stream of saves.
                    Console.Out.Write($"ready {gen + 1}\n");
                    Console.Out.Flush();
                }
            }
        }
    case "once" when args.Length == 4:
        {
            var store = new ConfFileStore(ConfFileStoreOptions.For(conf, args[2]));
            var load = store.Load();
            var text = File.ReadAllText(args[3], new UTF8Encoding(false));
            var result = store.Save(text, load.Sha256);
            Console.Out.WriteLine($"{result.Status}: {result.Message}");
            return result.Status switch { SaveStatus.Saved or SaveStatus.Unchanged => 0, SaveStatus.Conflict => 2, _ => 3 };
        }
    case "load" when args.Length == 2:
        {
            var load = ConfFileStoreLoad(conf);
            Console.Out.WriteLine($"{load.Status} {load.Problem?.Code} {load.Problem?.Message}".TrimEnd());
            return load.IsLoaded ? 0 : 3;
        }
    default:
        return Usage();
}

static LoadResult ConfFileStoreLoad(string conf)
    => new ConfFileStore(ConfFileStoreOptions.For(conf, Path.Combine(Path.GetTempPath(), "qpc-saveloop-unused"))).Load();

static int Usage()
{
    Console.Error.WriteLine("usage: SaveLoop loop <storage.conf> <state-dir> | once <storage.conf> <state-dir> <text-file> | load <storage.conf>");
    return 64;
}
