using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace QubesPoolConsole.Core.Vms;

/// <summary>
/// Reads /var/lib/qubes/qubes.xml as Qubes R3.2 writes it (and the older R3.0 form without pool_name).
/// DTDs are refused (no entity expansion). The file is read under a shared lockf lock, as Qubes' writer takes an
/// exclusive one.
/// </summary>
public static class QubesXmlReader
{
    /// <summary>Element names of domains Qubes R3.x knows.</summary>
    public static readonly IReadOnlySet<string> DomainElements = new HashSet<string>(StringComparer.Ordinal)
    {
        "QubesAdminVm", "QubesTemplateVm", "QubesNetVm", "QubesProxyVm", "QubesAppVm",
        "QubesHVm", "QubesTemplateHVm", "QubesDisposableVm",
    };

    /// <summary>Reads the file; never throws for a missing or malformed file.</summary>
    public static InventoryResult Read(string path, TimeSpan? lockTimeout = null)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var _ = SharedRecordLock(stream, lockTimeout ?? TimeSpan.FromSeconds(5));
            return Parse(stream);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return new InventoryResult(VmInventory.Empty, $"{path} does not exist, so the console cannot tell which VMs use which pool.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or TimeoutException)
        {
            return new InventoryResult(VmInventory.Empty, $"{path} cannot be read: {ex.Message}");
        }
    }

    /// <summary>Parses qubes.xml content.</summary>
    public static InventoryResult Parse(Stream stream)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CloseInput = false };
        XDocument doc;
        try
        {
            using var reader = XmlReader.Create(stream, settings);
            doc = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            var why = ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
                ? "it contains a DTD, which Qubes never writes and the console refuses (entity expansion)"
                : $"it is not well-formed XML (line {ex.LineNumber}, column {ex.LinePosition}: {ex.Message})";
            return new InventoryResult(VmInventory.Empty, $"qubes.xml cannot be read: {why}.");
        }
        if (doc.Root?.Name.LocalName != "QubesVmCollection")
        {
            return new InventoryResult(VmInventory.Empty, $"qubes.xml cannot be read: its root element is <{doc.Root?.Name.LocalName}>, not <QubesVmCollection>.");
        }
        var raw = new List<(VmInfo Vm, int Line)>();
        foreach (var el in doc.Root.Elements().Where(e => DomainElements.Contains(e.Name.LocalName)))
        {
            int line = ((IXmlLineInfo)el).LineNumber;
            var name = (string?)el.Attribute("name");
            if (string.IsNullOrEmpty(name) || !TryInt((string?)el.Attribute("qid"), out var qid))
            {
                return new InventoryResult(VmInventory.Empty,
                    $"qubes.xml cannot be read: the <{el.Name.LocalName}> on line {line} has no valid 'name' or 'qid' attribute.");
            }
            raw.Add((new VmInfo
            {
                Qid = qid,
                Name = name,
                ElementType = el.Name.LocalName,
                Label = (string?)el.Attribute("label"),
                PoolName = (string?)el.Attribute("pool_name") ?? "default",
                TemplateQid = TryInt((string?)el.Attribute("template_qid"), out var t) ? t : null,
                DirPath = (string?)el.Attribute("dir_path"),
                Internal = string.Equals((string?)el.Attribute("internal"), "True", StringComparison.OrdinalIgnoreCase),
            }, line));
        }
        var byQid = raw.GroupBy(r => r.Vm.Qid).ToDictionary(g => g.Key, g => g.First().Vm.Name);
        var vms = raw.Select(r => r.Vm with { TemplateName = r.Vm.TemplateQid is { } q ? byQid.GetValueOrDefault(q) : null }).ToList();
        return new InventoryResult(new VmInventory(vms), null);
    }

    private static bool TryInt(string? s, out int value)
        => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static IDisposable SharedRecordLock(FileStream stream, TimeSpan timeout)
    {
        if (!OperatingSystem.IsLinux()) return stream;
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                // A read-only stream takes F_RDLCK: shared with other readers, excluded by Qubes' lockf(LOCK_EX).
                stream.Lock(0, long.MaxValue);
                return new Unlock(stream);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(10);
            }
        }
    }

    private sealed class Unlock(FileStream stream) : IDisposable
    {
        public void Dispose()
        {
            if (OperatingSystem.IsLinux()) stream.Unlock(0, long.MaxValue);
        }
    }
}
