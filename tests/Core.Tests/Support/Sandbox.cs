using System.Security.Cryptography;
using System.Text;
using QubesPoolConsole.Core.Pools;
using QubesPoolConsole.Core.Storage;

namespace QubesPoolConsole.Core.Tests.Support;

/// <summary>A storage.conf (and optionally qubes.xml) in a fresh temp folder, deleted on dispose.</summary>
public sealed class Sandbox : IDisposable
{
    public Sandbox(byte[]? storageConf, string? qubesXml = null, string? root = null)
    {
        Root = root ?? Directory.CreateTempSubdirectory("qpc-core-").FullName;
        ConfPath = Path.Combine(Root, "storage.conf");
        QubesXmlPath = Path.Combine(Root, "qubes.xml");
        StateDir = Path.Combine(Root, "state");
        if (storageConf is not null) File.WriteAllBytes(ConfPath, storageConf);
        if (qubesXml is not null) File.WriteAllText(QubesXmlPath, qubesXml);
        Store = new ConfFileStore(ConfFileStoreOptions.For(ConfPath, StateDir));
        Catalog = new PoolCatalog(Store, QubesXmlPath, "/var/lib/qubes/");
    }

    public Sandbox(string storageConf, string? qubesXml = null) : this(Encoding.UTF8.GetBytes(storageConf), qubesXml) { }

    public string Root { get; }
    public string ConfPath { get; }
    public string QubesXmlPath { get; }
    public string StateDir { get; }
    public ConfFileStore Store { get; }
    public PoolCatalog Catalog { get; }

    public string ConfText => File.ReadAllText(ConfPath);

    /// <summary>Every file under the root with the SHA-256 of its bytes, to prove that nothing changed.</summary>
    public IReadOnlyDictionary<string, string> Snapshot()
        => Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".lock", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(Root, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
