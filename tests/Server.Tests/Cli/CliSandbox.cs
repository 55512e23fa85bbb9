using System.Xml.Linq;

namespace QubesPoolConsole.Server.Tests.Cli;

/// <summary>A temp folder with a storage.conf, a qubes.xml and the console's data folder, for one CLI test.</summary>
public sealed class CliSandbox : IDisposable
{
    public CliSandbox(string? conf = null, string? qubesXmlFixture = "r3.2-qubes.xml")
    {
        Root = Directory.CreateTempSubdirectory("qpc-cli-").FullName;
        ConfPath = Path.Combine(Root, "storage.conf");
        QubesXmlPath = Path.Combine(Root, "qubes.xml");
        DataDirectory = Path.Combine(Root, "data");
        if (conf is not null) File.WriteAllText(ConfPath, conf);
        if (qubesXmlFixture is not null) File.Copy(CliFixtures.PathOf(qubesXmlFixture), QubesXmlPath);
    }

    public string Root { get; }
    public string ConfPath { get; }
    public string QubesXmlPath { get; }
    public string DataDirectory { get; }
    public string StateDirectory => Path.Combine(DataDirectory, "state");

    /// <summary>Extra environment variables for every run.</summary>
    public Dictionary<string, string> Environment { get; } = [];

    /// <summary>
    /// Gives the default pool Qubes' own dir_path, /var/lib/qubes/, as on dom0 (dom0 mode itself is refused off-Qubes:
    /// the server's settings check wants that folder to exist).
    /// </summary>
    public CliSandbox WithQubesDefaultDirPath()
    {
        Environment["QPC_Console__DefaultDirPath"] = "/var/lib/qubes/";
        return this;
    }

    /// <summary>The shipped storage.conf plus a xen pool 'vmstore' at /mnt/vmstore.</summary>
    public static string ShippedWithVmstore => File.ReadAllText(CliFixtures.PathOf("r3.2-shipped-storage.conf"))
        + "[vmstore]\ndriver=xen\ndir_path=/mnt/vmstore\n";

    /// <summary>Args for the command, followed by --conf and --qubes-xml of this sandbox.</summary>
    public string[] Args(params string[] command) => [.. command, "--conf", ConfPath, "--qubes-xml", QubesXmlPath];

    public Task<CliResult> RunAsync(params string[] command) => CliRun.RunAsync(this, Args(command));

    /// <summary>Moves the named VMs of qubes.xml into <paramref name="pool"/>.</summary>
    public void PutVmsInPool(string pool, params string[] vms)
    {
        var doc = XDocument.Load(QubesXmlPath);
        foreach (var el in doc.Root!.Elements().Where(e => vms.Contains((string?)e.Attribute("name"))))
        {
            el.SetAttributeValue("pool_name", pool);
        }
        doc.Save(QubesXmlPath);
    }

    /// <summary>The file's bytes and modification time, to prove it was not touched.</summary>
    public (string Sha256, long Length, DateTime Modified) Stamp()
    {
        var bytes = File.ReadAllBytes(ConfPath);
        return (Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), bytes.Length, File.GetLastWriteTimeUtc(ConfPath));
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
