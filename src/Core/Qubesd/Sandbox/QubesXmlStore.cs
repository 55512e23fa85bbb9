using System.Text;
using System.Xml.Linq;
using QubesPoolConsole.Core.Storage;

namespace QubesPoolConsole.Core.Qubesd.Sandbox;

/// <summary>
/// Reads and writes the stand-in's qubes.xml in qubesd's layout: <c>&lt;labels&gt;</c>, <c>&lt;pools&gt;</c> (one
/// <c>&lt;pool/&gt;</c> per pool, attributes = config), <c>&lt;properties&gt;</c> (only what was set), <c>&lt;domains&gt;</c>
/// with each VM's <c>&lt;volume-config&gt;</c>. Written atomically after every change.
/// </summary>
internal static class QubesXmlStore
{
    public static void Save(string path, SandboxState state)
    {
        var root = new XElement("qubes",
            new XElement("labels", state.Labels.Select(l =>
                new XElement("label", new XAttribute("id", l.Id), new XAttribute("color", l.Color), l.Name))),
            new XElement("pools", state.Pools.Select(p =>
                new XElement("pool", p.Config.Select(kv => new XAttribute(kv.Key, kv.Value))))),
            new XElement("properties", state.Properties.Select(kv =>
                new XElement("property", new XAttribute("name", kv.Key), kv.Value))),
            new XElement("domains", state.Domains.Select(DomainElement)));
        var text = root.ToString(SaveOptions.None) + "\n";
        AtomicFileWriter.Write(path, Encoding.UTF8.GetBytes(text), (UnixFileMode)0b110_110_000);
    }

    /// <summary>Loads the file; a pool its driver refuses is skipped, as qubesd logs and skips it.</summary>
    public static SandboxState Load(string path, SandboxEnvironment env, Action<string> log)
    {
        var root = XDocument.Load(path).Root ?? throw new InvalidDataException($"{path} has no root element.");
        var state = new SandboxState();
        foreach (var l in root.Elements("labels").Elements("label"))
        {
            state.Labels.Add(((string?)l.Attribute("id") ?? "", (string?)l.Attribute("color") ?? "", l.Value));
        }
        foreach (var node in root.Elements("pools").Elements("pool"))
        {
            var attrs = node.Attributes().ToDictionary(a => a.Name.LocalName, a => a.Value);
            attrs.Remove("name", out var name);
            attrs.Remove("driver", out var driver);
            try
            {
                state.Pools.Add(SandboxDrivers.Create(env, driver ?? "", name ?? "", attrs));
            }
            catch (QubesdRefusal ex)
            {
                log($"pool {name} not loaded: {ex.Message}");
            }
        }
        foreach (var p in root.Elements("properties").Elements("property"))
        {
            state.Properties.Add(new((string?)p.Attribute("name") ?? "", p.Value));
        }
        foreach (var d in root.Elements("domains").Elements("domain")) state.Domains.Add(ReadDomain(d));
        return state;
    }

    private static XElement DomainElement(SandboxVm vm)
    {
        var props = new XElement("properties", new XElement("property", new XAttribute("name", "label"), vm.Label));
        if (vm.Class != "AdminVM")
        {
            props.Add(new XElement("property", new XAttribute("name", "name"), vm.Name),
                new XElement("property", new XAttribute("name", "qid"), vm.Qid),
                new XElement("property", new XAttribute("name", "uuid"), vm.Uuid));
            if (vm.Template is not null) props.Add(new XElement("property", new XAttribute("name", "template"), vm.Template));
        }
        var domain = new XElement("domain", new XAttribute("id", "domain-" + vm.Qid), new XAttribute("class", vm.Class),
            props, new XElement("features"), new XElement("tags"));
        if (vm.Volumes.Count > 0) domain.Add(new XElement("volume-config", vm.Volumes.Select(VolumeElement)));
        return domain;
    }

    private static XElement VolumeElement(SandboxVolume v)
    {
        var e = new XElement("volume", new XAttribute("name", v.Name), new XAttribute("pool", v.Pool),
            new XAttribute("vid", v.Vid), new XAttribute("revisions_to_keep", v.RevisionsToKeep),
            new XAttribute("rw", PyValues.Str(v.Rw)), new XAttribute("save_on_stop", PyValues.Str(v.SaveOnStop)),
            new XAttribute("snap_on_start", PyValues.Str(v.SnapOnStart)));
        if (v.Ephemeral is { } eph) e.Add(new XAttribute("ephemeral", PyValues.Str(eph)));
        if (v.Size != 0) e.Add(new XAttribute("size", v.Size));
        if (v.Source is not null) e.Add(new XAttribute("source", v.Source));
        return e;
    }

    private static SandboxVm ReadDomain(XElement d)
    {
        string? Prop(string name) => d.Element("properties")?.Elements("property")
            .FirstOrDefault(p => (string?)p.Attribute("name") == name)?.Value;
        string cls = (string?)d.Attribute("class") ?? "AppVM";
        return new SandboxVm
        {
            Class = cls,
            Name = cls == "AdminVM" ? "dom0" : Prop("name") ?? "",
            Qid = cls == "AdminVM" ? 0 : int.TryParse(Prop("qid"), out var q) ? q : 0,
            Uuid = cls == "AdminVM" ? Guid.Empty : Guid.TryParse(Prop("uuid"), out var u) ? u : Guid.Empty,
            Label = Prop("label") ?? "red",
            Template = Prop("template"),
            Volumes = d.Element("volume-config")?.Elements("volume").Select(ReadVolume).ToList() ?? [],
        };
    }

    private static SandboxVolume ReadVolume(XElement v)
    {
        string? A(string n) => (string?)v.Attribute(n);
        bool B(string n) => PyValues.ParseBool(A(n) ?? "False") ?? false;
        return new SandboxVolume
        {
            Name = A("name") ?? "",
            Pool = A("pool") ?? "",
            Vid = A("vid") ?? "",
            RevisionsToKeep = A("revisions_to_keep") ?? "0",
            Rw = B("rw"),
            SaveOnStop = B("save_on_stop"),
            SnapOnStart = B("snap_on_start"),
            Size = long.TryParse(A("size"), out var s) ? s : 0,
            Source = A("source"),
            Ephemeral = A("ephemeral") is { } e ? PyValues.ParseBool(e) : null,
        };
    }
}
