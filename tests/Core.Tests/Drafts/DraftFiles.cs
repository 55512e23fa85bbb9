using QubesPoolConsole.Core.Audit;
using QubesPoolConsole.Core.Pools;
using QubesPoolConsole.Core.Storage;

namespace QubesPoolConsole.Core.Tests.Drafts;

/// <summary>A storage.conf, qubes.xml and state folder in a fresh temp folder for draft tests; deleted on dispose.</summary>
internal sealed class DraftFiles : IDisposable
{
    public DraftFiles(string? storageConf, string qubesXml = "<QubesVmCollection>\n</QubesVmCollection>\n")
    {
        Root = Directory.CreateTempSubdirectory("qpc-draft-").FullName;
        ConfPath = Path.Combine(Root, "storage.conf");
        QubesXmlPath = Path.Combine(Root, "qubes.xml");
        if (storageConf is not null) File.WriteAllText(ConfPath, storageConf);
        File.WriteAllText(QubesXmlPath, qubesXml);
        Store = new ConfFileStore(ConfFileStoreOptions.For(ConfPath, Path.Combine(Root, "state")));
        Catalog = new PoolCatalog(Store, QubesXmlPath, "/var/lib/qubes/");
        Audit = new JsonLinesAuditLog(Path.Combine(Root, "state", "audit.jsonl"));
    }

    public string Root { get; }
    public string ConfPath { get; }
    public string QubesXmlPath { get; }
    public ConfFileStore Store { get; }
    public PoolCatalog Catalog { get; }
    public JsonLinesAuditLog Audit { get; }

    public string Text => File.ReadAllText(ConfPath);

    /// <summary>Writes as another program would: a temp file renamed over the original.</summary>
    public void WriteExternally(string path, string text)
    {
        var temp = path + ".editor-tmp";
        File.WriteAllText(temp, text);
        File.Move(temp, path, overwrite: true);
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
