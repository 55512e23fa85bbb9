using QubesPoolConsole.Core.Pools;
using QubesPoolConsole.Core.Storage;

namespace QubesPoolConsole.Components.Tests;

/// <summary>A storage.conf and qubes.xml in a fresh temp folder, deleted on dispose.</summary>
public sealed class TempSandbox : IDisposable
{
    public TempSandbox(string storageConf, string? qubesXml = null)
    {
        Root = Directory.CreateTempSubdirectory("qpc-test-").FullName;
        ConfPath = Path.Combine(Root, "storage.conf");
        QubesXmlPath = Path.Combine(Root, "qubes.xml");
        File.WriteAllText(ConfPath, storageConf);
        if (qubesXml is not null) File.WriteAllText(QubesXmlPath, qubesXml);
        Catalog = new PoolCatalog(new ConfFileStore(ConfFileStoreOptions.For(ConfPath, Path.Combine(Root, "state"))), QubesXmlPath, "/var/lib/qubes/");
    }

    public string Root { get; }
    public string ConfPath { get; }
    public string QubesXmlPath { get; }
    public PoolCatalog Catalog { get; }

    /// <summary>A qubes.xml with the given (name, pool) VMs as AppVMs.</summary>
    public static string QubesXml(params (string Name, string Pool)[] vms)
        => "<QubesVmCollection>\n"
           + string.Concat(vms.Select((v, i) => $"  <QubesAppVm qid=\"{i + 1}\" name=\"{v.Name}\" label=\"red\" pool_name=\"{v.Pool}\" template_qid=\"none\"/>\n"))
           + "</QubesVmCollection>\n";

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
