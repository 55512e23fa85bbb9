using QubesPoolConsole.Core.Storage;
using QubesPoolConsole.Core.Vms;

namespace QubesPoolConsole.Core.Pools;

/// <summary>Where the console's files are, and how to read them together.</summary>
/// <param name="Store">storage.conf, with its safe save.</param>
/// <param name="QubesXmlPath">qubes.xml.</param>
/// <param name="DefaultDirPath">What Qubes gives the default pool as dir_path.</param>
public sealed record PoolCatalog(ConfFileStore Store, string QubesXmlPath, string DefaultDirPath)
{
    /// <summary>Reads storage.conf and qubes.xml now.</summary>
    public PoolsSnapshot Read()
    {
        var load = Store.Load();
        var inventory = QubesXmlReader.Read(QubesXmlPath);
        if (load.Document is not { } doc)
        {
            return new PoolsSnapshot(load, [], load.Problem is { } p ? [p] : [], inventory);
        }
        var pools = doc.IsReadableByQubes ? PoolModel.Build(doc, DefaultDirPath) : [];
        return new PoolsSnapshot(load, pools, PoolRules.Validate(doc), inventory);
    }
}
