using System.Globalization;
using System.Xml.Linq;

namespace QubesPoolConsole.ServerBench;

/// <summary>
/// Grows a seeded R4 sandbox (its DATA/r4/qubes.xml) to a large dom0: file pools on real folders, and AppVMs whose
/// private and volatile volumes live in them (sparse images, as qvm-create leaves them), roots in vm-pool.
/// </summary>
public static class R4BenchState
{
    private const long Gib = 1L << 30;

    /// <summary>Adds file pools up to <paramref name="pools"/> in all, and <paramref name="vms"/> AppVMs with 3 volumes each.</summary>
    public static void Grow(string r4Dir, int pools, int vms)
    {
        var path = Path.Combine(r4Dir, "qubes.xml");
        var doc = XDocument.Load(path);
        var poolList = doc.Root!.Element("pools")!;
        int extra = pools - poolList.Elements("pool").Count();
        var names = new List<string>();
        for (int i = 1; i <= extra; i++)
        {
            var name = $"bench{i:D2}";
            var dir = Path.Combine(r4Dir, "pools", name);
            Directory.CreateDirectory(Path.Combine(dir, "appvms"));
            Directory.CreateDirectory(Path.Combine(dir, "vm-templates"));
            poolList.Add(new XElement("pool", new XAttribute("name", name), new XAttribute("dir_path", dir), new XAttribute("driver", "file"),
                new XAttribute("revisions_to_keep", "1"), new XAttribute("ephemeral_volatile", "False")));
            names.Add(name);
        }

        var domains = doc.Root.Element("domains")!;
        int id = domains.Elements("domain").Count();
        for (int i = 1; i <= vms; i++)
        {
            var vm = $"bench-vm-{i:D3}";
            var pool = names[i % names.Count];
            var dir = Path.Combine(r4Dir, "pools", pool);
            foreach (var (volume, size) in new[] { ("private", 2 * Gib), ("volatile", 10 * Gib) })
            {
                var img = Path.Combine(dir, "appvms", vm, volume + ".img");
                Directory.CreateDirectory(Path.GetDirectoryName(img)!);
                using var fs = new FileStream(img, FileMode.Create, FileAccess.Write);
                fs.SetLength(size);
            }
            domains.Add(new XElement("domain", new XAttribute("id", $"domain-{id++}"), new XAttribute("class", "AppVM"),
                new XElement("properties",
                    Prop("label", "blue"), Prop("name", vm), Prop("qid", (100 + i).ToString(CultureInfo.InvariantCulture)),
                    Prop("uuid", Guid.NewGuid().ToString()), Prop("template", "fedora-42")),
                new XElement("features"), new XElement("tags"),
                new XElement("volume-config",
                    Volume("root", "vm-pool", $"qubes_dom0/vm-{vm}-root", "0", save: false, snap: true, 20 * Gib, "qubes_dom0/vm-fedora-42-root"),
                    Volume("private", pool, $"appvms/{vm}/private", "1", save: true, snap: false, 2 * Gib, null),
                    Volume("volatile", pool, $"appvms/{vm}/volatile", "0", save: false, snap: false, 10 * Gib, null))));
        }
        doc.Save(path);
    }

    private static XElement Prop(string name, string value) => new("property", new XAttribute("name", name), value);

    private static XElement Volume(string name, string pool, string vid, string revisions, bool save, bool snap, long size, string? source)
    {
        var v = new XElement("volume", new XAttribute("name", name), new XAttribute("pool", pool), new XAttribute("vid", vid),
            new XAttribute("revisions_to_keep", revisions), new XAttribute("rw", "True"), new XAttribute("save_on_stop", save ? "True" : "False"),
            new XAttribute("snap_on_start", snap ? "True" : "False"), new XAttribute("size", size.ToString(CultureInfo.InvariantCulture)));
        if (source is not null) v.Add(new XAttribute("source", source));
        return v;
    }
}
