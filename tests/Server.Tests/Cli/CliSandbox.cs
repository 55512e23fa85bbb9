using System.Xml.Linq;

namespace QubesPoolConsole.Server.Tests.Cli;

/// <summary>Console files in a temp folder (storage.conf, qubes.xml, the console's data folder) for one CLI test.</summary>
public sealed class CliSandbox : IDisposable
{
    private readonly TempConsoleFiles _files;

    public CliSandbox(string? conf = null, string? qubesXmlFixture = "r3.2-qubes.xml")
    {
        _files = new TempConsoleFiles(conf, qubesXmlFixture is null ? null : File.ReadAllText(TestFixtures.PathOf(qubesXmlFixture)));
        DataDirectory = Path.Combine(Root, "data");
        Cli = new CliProcess(DataDirectory, Root, Environment);
    }

    public string Root => _files.Root;
    public string ConfPath => _files.ConfPath;
    public string QubesXmlPath => _files.QubesXmlPath;
    public string DataDirectory { get; }
    public string StateDirectory => Path.Combine(DataDirectory, "state");

    /// <summary>Extra environment variables for every run.</summary>
    public Dictionary<string, string> Environment { get; } = [];

    /// <summary>The executable, run in this sandbox's data folder and environment.</summary>
    public CliProcess Cli { get; }

    /// <summary>
    /// Gives the default pool Qubes' own dir_path, /var/lib/qubes/, as on dom0 (dom0 mode itself is refused off-Qubes:
    /// the server's settings check wants that folder to exist).
    /// </summary>
    public CliSandbox WithQubesDefaultDirPath()
    {
        Environment["QPC_Console__DefaultDirPath"] = TempConsoleFiles.QubesDefaultDirPath;
        return this;
    }

    /// <summary>The shipped storage.conf plus a xen pool 'vmstore' at /mnt/vmstore.</summary>
    public static string ShippedWithVmstore => TestFixtures.ShippedStorageConfText + "[vmstore]\ndriver=xen\ndir_path=/mnt/vmstore\n";

    /// <summary>Args for the command, followed by --conf and --qubes-xml of this sandbox.</summary>
    public string[] Args(params string[] command) => [.. command, "--conf", ConfPath, "--qubes-xml", QubesXmlPath];

    /// <summary>Runs the command with this sandbox's --conf and --qubes-xml.</summary>
    public Task<CliResult> RunAsync(params string[] command) => Cli.RunAsync(Args(command));

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

    public void Dispose() => _files.Dispose();
}
