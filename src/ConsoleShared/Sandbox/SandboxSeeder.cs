using System.Text;
using QubesPoolConsole.Core.Vms;
using QubesPoolConsole.Server.Configuration;

namespace QubesPoolConsole.Server.Sandbox;

/// <summary>Creates the sandbox on first start: the storage.conf Qubes ships, a sample qubes.xml, and the pool folders.</summary>
public static class SandboxSeeder
{
    /// <summary>Folder of the seed files next to the executable.</summary>
    public static string SeedDirectory => Path.Combine(AppContext.BaseDirectory, "Sandbox");

    /// <summary>
    /// On first start (no data folder yet) seeds storage.conf and qubes.xml; always makes sure the pool folders and
    /// the state folder exist. Never overwrites: a storage.conf deleted later stays missing, as it would on dom0.
    /// Returns true when it seeded.
    /// </summary>
    public static bool EnsureCreated(ConsolePaths paths)
    {
        if (paths.Mode != ConsoleMode.Sandbox || paths.DataDirectory is null) return false;
        bool fresh = !Directory.Exists(paths.DataDirectory) || !Directory.EnumerateFileSystemEntries(paths.DataDirectory).Any();
        Directory.CreateDirectory(paths.StateDirectory);
        var baseDir = paths.DefaultDirPath;
        foreach (var sub in new[] { "appvms", "vm-templates", "servicevms" })
        {
            Directory.CreateDirectory(Path.Combine(baseDir, sub));
        }
        bool created = false;
        if (fresh && !File.Exists(paths.Conf))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(paths.Conf)!);
            File.Copy(Path.Combine(SeedDirectory, "storage.conf"), paths.Conf);
            File.SetUnixFileMode(paths.Conf, (UnixFileMode)0b110_110_100);
            created = true;
        }
        if (fresh && !File.Exists(paths.QubesXml))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(paths.QubesXml)!);
            var xml = File.ReadAllText(Path.Combine(SeedDirectory, "qubes.xml"))
                .Replace("dir_path=\"/var/lib/qubes/", "dir_path=\"" + baseDir, StringComparison.Ordinal);
            File.WriteAllText(paths.QubesXml, xml);
            SeedTemplate(Path.Combine(baseDir, "vm-templates", SeedTemplateName));
        }
        return created;
    }

    /// <summary>The template of the sample qubes.xml.</summary>
    public const string SeedTemplateName = "fedora-23";

    /// <summary>
    /// The sample template's folder as Qubes R3.2 lays it out, with sparse images (no disk space used), so that VMs
    /// based on it can copy its private.img. The private image carries one block of data, as a real one would.
    /// </summary>
    public static void SeedTemplate(string directory)
    {
        if (Directory.Exists(directory)) return;
        Directory.CreateDirectory(directory);
        Directory.CreateDirectory(Path.Combine(directory, "kernels"));
        var privateImg = Path.Combine(directory, "private.img");
        SparseFiles.Create(privateImg, VmLayout.PrivateBytes);
        using (var fs = new FileStream(privateImg, FileMode.Open, FileAccess.Write))
        {
            fs.Write(Encoding.ASCII.GetBytes("Sandbox stand-in for the private image of template " + SeedTemplateName + "\n"));
        }
        SparseFiles.Create(Path.Combine(directory, "root.img"), VmLayout.RootBytes);
        SparseFiles.Create(Path.Combine(directory, "root-cow.img"), VmLayout.RootBytes);
        SparseFiles.Create(Path.Combine(directory, "volatile.img"), VmLayout.RootBytes + VmLayout.VolatileExtraBytes);
        File.WriteAllText(Path.Combine(directory, SeedTemplateName + ".conf"),
            "<!-- Sandbox stand-in: Qubes R3.2 writes the libvirt configuration here when it starts the VM. -->\n");
        File.WriteAllBytes(Path.Combine(directory, "icon.png"), LabelIcon.Png(VmLabel.Find("black")!));
    }
}
