namespace QubesPoolConsole.Core.Tests.Vms;

/// <summary>
/// A throw-away Qubes layout: storage.conf with pools <c>default</c> and <c>fast</c>, qubes.xml with template
/// fedora-23 (whose private.img holds 8 KiB of data in a sparse 2 GiB file) and AppVM work.
/// </summary>
public sealed class VmSandbox : IDisposable
{
    public const string TemplateData = "fedora-23 private image, first block";

    private readonly TempConsoleFiles _files;

    public VmSandbox()
    {
        // qubes.xml and the default pool in var/lib/qubes under the root, as on dom0.
        _files = new TempConsoleFiles((string?)null, QubesXml, qubesXmlPath: "var/lib/qubes/qubes.xml", defaultDirPath: "var/lib/qubes/");
        FastDir = Path.Combine(Root, "fast");
        File.WriteAllText(ConfPath, $"[default] ; poolname\ndriver=xen\n\n[fast]\ndriver=xen\ndir_path={FastDir}\n");
        TemplateDir = Path.Combine(DefaultDir, "vm-templates", "fedora-23");
        Directory.CreateDirectory(TemplateDir);
        using (var fs = new FileStream(Path.Combine(TemplateDir, "private.img"), FileMode.CreateNew))
        {
            fs.SetLength(VmLayout.PrivateBytes);
            fs.Position = 1024L * 1024 * 1024; // data in the middle, holes around it
            var block = new byte[8192];
            System.Text.Encoding.ASCII.GetBytes(TemplateData).CopyTo(block, 0);
            block[^1] = 0xFF;
            fs.Write(block);
        }
        SparseFiles.Create(Path.Combine(TemplateDir, "root.img"), VmLayout.RootBytes);
    }

    public string QubesXml { get; } = """
        <QubesVmCollection clockvm="0" default_template="1">
          <QubesAdminVm dir_path="/var/lib/qubes/servicevms/dom0" internal="False" label="black" name="dom0" pool_name="default" qid="0" template_qid="none"/>
          <QubesTemplateVm dir_path="/var/lib/qubes/vm-templates/fedora-23" internal="False" label="black" name="fedora-23" pool_name="default" qid="1" template_qid="none"/>
          <QubesNetVm internal="False" label="red" name="sys-net" netid="1" pool_name="default" qid="2" template_qid="1"/>
          <QubesAppVm internal="False" label="blue" name="work" pool_name="default" qid="4" template_qid="1"/>
        </QubesVmCollection>

        """;

    public string Root => _files.Root;
    public string DefaultDir => _files.DefaultDirPath;
    public string FastDir { get; }
    public string ConfPath => _files.ConfPath;
    public string QubesXmlPath => _files.QubesXmlPath;
    public string TemplateDir { get; }
    public PoolCatalog Catalog => _files.Catalog;

    public void Dispose() => _files.Dispose();
}
