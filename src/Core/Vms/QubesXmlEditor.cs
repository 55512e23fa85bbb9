using System.Globalization;
using System.Xml.Linq;

namespace QubesPoolConsole.Core.Vms;

/// <summary>
/// Adds a domain to qubes.xml text the way Qubes would record it, touching nothing else: the new element goes on its
/// own line before <c>&lt;/QubesVmCollection&gt;</c>, attributes in alphabetical order as Qubes' writer orders them.
/// </summary>
public static class QubesXmlEditor
{
    private const string CloseTag = "</QubesVmCollection>";

    /// <summary>The lowest qid no VM uses (Qubes R3.2 takes the first free one; dom0 is 0).</summary>
    public static int NextQid(VmInventory inventory)
    {
        var used = inventory.Vms.Select(v => v.Qid).ToHashSet();
        int qid = 0;
        while (used.Contains(qid)) qid++;
        return qid;
    }

    /// <summary>The attributes Qubes R3.2 records for a new VM made by qvm-create from <paramref name="request"/>.</summary>
    public static IReadOnlyDictionary<string, string> AttributesFor(VmRequest request, int qid, int? templateQid, string dirPath, int? netId)
    {
        var inv = CultureInfo.InvariantCulture;
        var attrs = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["conf_file"] = request.Name + ".conf",
            ["dir_path"] = dirPath,
            ["internal"] = request.Internal ? "True" : "False",
            ["label"] = request.Label,
            ["name"] = request.Name,
            ["pool_name"] = request.Pool,
            ["qid"] = qid.ToString(inv),
            ["template_qid"] = templateQid?.ToString(inv) ?? "none",
        };
        if (request.MemoryMb is { } mem) attrs["memory"] = mem.ToString(inv);
        if (request.Vcpus is { } vcpus) attrs["vcpus"] = vcpus.ToString(inv);
        if (netId is { } n) attrs["netid"] = n.ToString(inv);
        return attrs;
    }

    /// <summary>The lowest free netid (1-based) for a new NetVM or ProxyVM, read from the elements' <c>netid</c> attributes.</summary>
    public static int NextNetId(string qubesXml)
    {
        var doc = XDocument.Parse(qubesXml);
        var used = doc.Root!.Elements().Select(e => (string?)e.Attribute("netid"))
            .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1).ToHashSet();
        int id = 1;
        while (used.Contains(id)) id++;
        return id;
    }

    /// <summary>Returns <paramref name="qubesXml"/> with one more domain element; the rest of the text is unchanged.</summary>
    public static string AddDomain(string qubesXml, string elementType, IReadOnlyDictionary<string, string> attributes)
    {
        var element = new XElement(elementType, attributes.Select(a => new XAttribute(a.Key, a.Value)));
        string line = element.ToString(SaveOptions.DisableFormatting).Replace(" />", "/>", StringComparison.Ordinal);
        int close = qubesXml.LastIndexOf(CloseTag, StringComparison.Ordinal);
        if (close < 0)
        {
            // An empty collection written as <QubesVmCollection .../>: rebuild just the root.
            var doc = XDocument.Parse(qubesXml, LoadOptions.PreserveWhitespace);
            doc.Root!.Add(new XText("\n  "), element, new XText("\n"));
            return doc.Declaration is null ? doc.Root.ToString(SaveOptions.DisableFormatting) + "\n" : doc.ToString(SaveOptions.DisableFormatting);
        }
        // Keep the indentation of the line that holds the closing tag, and put the new element before it.
        int lineStart = qubesXml.LastIndexOf('\n', Math.Max(close - 1, 0)) + 1;
        bool closeOnOwnLine = string.IsNullOrWhiteSpace(qubesXml[lineStart..close]);
        return closeOnOwnLine
            ? qubesXml[..lineStart] + "  " + line + "\n" + qubesXml[lineStart..]
            : qubesXml[..close] + "\n  " + line + "\n" + qubesXml[close..];
    }
}
