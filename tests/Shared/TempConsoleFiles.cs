using System.Security.Cryptography;
using System.Text;
using QubesPoolConsole.Core.Audit;
using QubesPoolConsole.Core.Pools;
using QubesPoolConsole.Core.Storage;

namespace QubesPoolConsole.Tests.Shared;

/// <summary>
/// A console's files in a fresh temp folder, deleted on dispose: storage.conf, qubes.xml, the state folder, and
/// the store, catalog and audit log over them.
/// </summary>
public sealed class TempConsoleFiles : IDisposable
{
    /// <summary>Qubes' own dir_path of the default pool.</summary>
    public const string QubesDefaultDirPath = "/var/lib/qubes/";

    private JsonLinesAuditLog? _audit;

    /// <param name="storageConf">storage.conf's bytes, or null for no file.</param>
    /// <param name="qubesXml">qubes.xml's text, or null for no file.</param>
    /// <param name="qubesXmlPath">Where qubes.xml lives, relative to <see cref="Root"/> unless rooted.</param>
    /// <param name="defaultDirPath">The default pool's dir_path, relative to <see cref="Root"/> unless rooted.</param>
    public TempConsoleFiles(byte[]? storageConf, string? qubesXml = null, string qubesXmlPath = "qubes.xml",
        string defaultDirPath = QubesDefaultDirPath)
    {
        Root = Directory.CreateTempSubdirectory("qpc-test-").FullName;
        ConfPath = Path.Combine(Root, "storage.conf");
        QubesXmlPath = Path.Combine(Root, qubesXmlPath);
        DefaultDirPath = Path.Combine(Root, defaultDirPath);
        StateDir = Path.Combine(Root, "state");
        if (storageConf is not null) File.WriteAllBytes(ConfPath, storageConf);
        if (qubesXml is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(QubesXmlPath)!);
            File.WriteAllText(QubesXmlPath, qubesXml);
        }
        Store = new ConfFileStore(ConfFileStoreOptions.For(ConfPath, StateDir));
        Catalog = new PoolCatalog(Store, QubesXmlPath, DefaultDirPath);
    }

    /// <inheritdoc cref="TempConsoleFiles(byte[], string, string, string)"/>
    public TempConsoleFiles(string? storageConf, string? qubesXml = null, string qubesXmlPath = "qubes.xml",
        string defaultDirPath = QubesDefaultDirPath)
        : this(storageConf is null ? null : Encoding.UTF8.GetBytes(storageConf), qubesXml, qubesXmlPath, defaultDirPath)
    {
    }

    public string Root { get; }
    public string ConfPath { get; }
    public string QubesXmlPath { get; }
    public string DefaultDirPath { get; }
    public string StateDir { get; }
    public ConfFileStore Store { get; }
    public PoolCatalog Catalog { get; }

    /// <summary>The audit log in the state folder, as the console keeps it.</summary>
    public JsonLinesAuditLog Audit => _audit ??= new JsonLinesAuditLog(Path.Combine(StateDir, "audit.jsonl"));

    public string ConfText => File.ReadAllText(ConfPath);

    /// <summary>A qubes.xml with the given (name, pool) VMs as AppVMs (none: an empty collection).</summary>
    public static string QubesXml(params (string Name, string Pool)[] vms)
        => "<QubesVmCollection>\n"
           + string.Concat(vms.Select((v, i) => $"  <QubesAppVm qid=\"{i + 1}\" name=\"{v.Name}\" label=\"red\" pool_name=\"{v.Pool}\" template_qid=\"none\"/>\n"))
           + "</QubesVmCollection>\n";

    /// <summary>Every file under the root with the SHA-256 of its bytes, to prove that nothing changed.</summary>
    public IReadOnlyDictionary<string, string> Snapshot()
        => Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".lock", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(Root, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    /// <summary>Every file and folder under <paramref name="dir"/>, relative, sorted.</summary>
    public static IReadOnlyList<string> Tree(string dir)
        => Directory.Exists(dir)
            ? Directory.EnumerateFileSystemEntries(dir, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(dir, p)).Order(StringComparer.Ordinal).ToList()
            : [];

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
