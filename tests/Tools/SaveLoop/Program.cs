using System.Text;
using QubesPoolConsole.Core.Storage;
using QubesPoolConsole.SaveLoop;

// Usage:
//   loop <storage.conf> <state-dir>         remove leftovers, print "leftovers N" and "ready", then save generation
//                                           after generation until killed (each save: load, check, atomic write)
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
        Console.Out.Write($"leftovers {store.RemoveLeftovers()}\nready\n");
        Console.Out.Flush();
        while (true)
        {
            var load = store.Load();
            long gen = load.Document is { } doc ? Generations.Claimed(doc.ToText()) ?? 0 : 0;
            var result = store.Save(Generations.Text(gen + 1), load.Sha256);
            if (result.Status is SaveStatus.Failed)
            {
                Console.Error.WriteLine(result.Message);
                return 3;
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
