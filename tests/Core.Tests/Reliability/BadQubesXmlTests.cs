namespace QubesPoolConsole.Core.Tests.Reliability;

/// <summary>
/// Bad qubes.xml files: malformed, wrong root, missing or invalid attributes, DTDs and entity-expansion attacks (refused,
/// never expanded), junk. Each gives an empty inventory with a specific sentence, and the file is not touched.
/// </summary>
public class BadQubesXmlTests
{
    private const string Vm = "<QubesAppVm qid=\"1\" name=\"work\" label=\"red\" pool_name=\"p\" template_qid=\"none\"/>";

    public static TheoryData<string, string> Refused() => new()
    {
        { "billion laughs", "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><QubesVmCollection a=\"&lol3;\"/>|contains a DTD" },
        { "external entity", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><QubesVmCollection>&xxe;</QubesVmCollection>|contains a DTD" },
        { "parameter entity", "<!DOCTYPE x [<!ENTITY % p SYSTEM \"http://127.0.0.1/x.dtd\"> %p;]><QubesVmCollection/>|contains a DTD" },
        { "external DTD", "<!DOCTYPE QubesVmCollection SYSTEM \"http://127.0.0.1/qubes.dtd\"><QubesVmCollection/>|contains a DTD" },
        { "empty DOCTYPE", "<!DOCTYPE QubesVmCollection><QubesVmCollection/>|contains a DTD" },
        { "quadratic blowup", "<!DOCTYPE x [<!ENTITY a \"" + new string('a', 50_000) + "\">]><QubesVmCollection>" + string.Concat(Enumerable.Repeat("&a;", 1000)) + "</QubesVmCollection>|contains a DTD" },
        { "empty file", "|not well-formed XML" },
        { "whitespace only", "  \n |not well-formed XML" },
        { "lone angle bracket", "<|not well-formed XML" },
        { "unclosed root", "<QubesVmCollection>" + Vm + "|not well-formed XML" },
        { "mismatched tag", "<QubesVmCollection></QubesVmCollectio>|not well-formed XML" },
        { "unclosed attribute", "<QubesVmCollection><QubesAppVm qid=\"1 name=\"x\"/></QubesVmCollection>|not well-formed XML" },
        { "duplicate attribute", "<QubesVmCollection><QubesAppVm qid=\"1\" qid=\"2\" name=\"x\"/></QubesVmCollection>|not well-formed XML" },
        { "two roots", "<QubesVmCollection/><QubesVmCollection/>|not well-formed XML" },
        { "text junk", "this is not xml|not well-formed XML" },
        { "storage.conf by mistake", "[default]\ndriver=xen\n|not well-formed XML" },
        { "NUL byte", "<QubesVmCollection>\0</QubesVmCollection>|not well-formed XML" },
        { "control character", "<QubesVmCollection><QubesAppVm qid=\"1\" name=\"a\u0001\"/></QubesVmCollection>|not well-formed XML" },
        { "undeclared entity", "<QubesVmCollection><QubesAppVm qid=\"1\" name=\"&x;\"/></QubesVmCollection>|not well-formed XML" },
        { "unbound prefix", "<q:QubesVmCollection/>|not well-formed XML" },
        { "truncated mid-write", "<QubesVmCollection clockvm=\"5\">\n  <QubesAdminVm qid=\"0\" name=\"dom0\"/>\n  <QubesAppVm qid=\"1\" na|not well-formed XML" },
        { "wrong root", "<html><body/></html>|its root element is <html>" },
        { "R4 root", "<qubes><domains/></qubes>|its root element is <qubes>" },
        { "missing name", "<QubesVmCollection><QubesAppVm qid=\"1\"/></QubesVmCollection>|has no valid 'name' or 'qid'" },
        { "empty name", "<QubesVmCollection><QubesAppVm qid=\"1\" name=\"\"/></QubesVmCollection>|has no valid 'name' or 'qid'" },
        { "missing qid", "<QubesVmCollection><QubesAppVm name=\"x\"/></QubesVmCollection>|has no valid 'name' or 'qid'" },
        { "text qid", "<QubesVmCollection><QubesAppVm qid=\"one\" name=\"x\"/></QubesVmCollection>|has no valid 'name' or 'qid'" },
        { "negative qid", "<QubesVmCollection><QubesAppVm qid=\"-1\" name=\"x\"/></QubesVmCollection>|has no valid 'name' or 'qid'" },
        { "huge qid", "<QubesVmCollection><QubesAppVm qid=\"99999999999999999999\" name=\"x\"/></QubesVmCollection>|has no valid 'name' or 'qid'" },
        { "qid with spaces", "<QubesVmCollection><QubesAppVm qid=\" 1\" name=\"x\"/></QubesVmCollection>|has no valid 'name' or 'qid'" },
        { "missing attributes on line 3", "<QubesVmCollection>\n" + Vm + "\n<QubesTemplateVm label=\"black\"/>\n</QubesVmCollection>|on line 3" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void BadQubesXml_IsRefusedWithASpecificSentence_AndLeftAlone(string what, string caseText)
    {
        var parts = caseText.Split('|');
        using var box = new TempConsoleFiles("[default]\ndriver=xen\n", parts[0]);
        var before = box.Snapshot();

        var result = QubesXmlReader.Read(box.QubesXmlPath);

        Assert.False(result.Ok, what);
        Assert.StartsWith("qubes.xml cannot be read: ", result.Error);
        Assert.Contains(parts[1], result.Error);
        Assert.InRange(result.Error!.Length, 30, 500);
        Assert.Empty(result.Collection.Vms);
        Assert.Equal(before, box.Snapshot());
        Assert.Empty(box.Catalog.Read().Inventory.Collection.Vms);
    }

    public static TheoryData<string, string, string> Read() => new()
    {
        { "unknown elements are skipped", "<QubesVmCollection><QubesFooVm qid=\"9\" name=\"x\"/>" + Vm + "<Whatever/></QubesVmCollection>", "work@p" },
        { "comments and processing instructions", "<?xml version=\"1.0\"?><!-- c --><QubesVmCollection><?pi x?>" + Vm + "</QubesVmCollection>", "work@p" },
        { "missing pool_name means default", "<QubesVmCollection><QubesAppVm qid=\"1\" name=\"old\"/></QubesVmCollection>", "old@default" },
        { "nested elements are not VMs", "<QubesVmCollection><x>" + Vm + "</x></QubesVmCollection>", "" },
        { "UTF-8 BOM", "\uFEFF<QubesVmCollection>" + Vm + "</QubesVmCollection>", "work@p" },
        { "unknown template qid", "<QubesVmCollection><QubesAppVm qid=\"1\" name=\"a\" template_qid=\"77\"/></QubesVmCollection>", "a@default" },
        { "1 MB attribute", "<QubesVmCollection><QubesAppVm qid=\"1\" name=\"a\" junk=\"" + new string('j', 1 << 20) + "\"/></QubesVmCollection>", "a@default" },
        { "pool name with markup", "<QubesVmCollection><QubesAppVm qid=\"1\" name=\"a\" pool_name=\"&lt;b&gt;\"/></QubesVmCollection>", "a@<b>" },
    };

    [Theory]
    [MemberData(nameof(Read))]
    public void OddButValidQubesXml_IsRead(string what, string xml, string expected)
    {
        using var box = new TempConsoleFiles("[default]\ndriver=xen\n", xml);

        var result = QubesXmlReader.Read(box.QubesXmlPath);

        Assert.True(result.Ok, $"{what}: {result.Error}");
        Assert.Equal(expected, string.Join(",", result.Collection.Vms.Select(v => v.Name + "@" + v.PoolName)));
    }

    [Fact]
    public void InvalidUtf8QubesXml_IsRefused()
    {
        using var box = new TempConsoleFiles("[default]\ndriver=xen\n");
        File.WriteAllBytes(box.QubesXmlPath, [.. "<QubesVmCollection><QubesAppVm qid=\"1\" name=\""u8, 0xFF, .. "\"/></QubesVmCollection>"u8]);

        var result = QubesXmlReader.Read(box.QubesXmlPath);

        Assert.False(result.Ok);
        Assert.Contains("not well-formed XML", result.Error);
    }

    [Theory]
    [InlineData("r3.2-qubes.xml", 24)]
    [InlineData("r3-qubes.xml", -1)]
    public void RealQubesXml_IsRead(string fixture, int count)
    {
        var result = QubesXmlReader.Read(TestFixtures.PathOf(fixture));

        Assert.True(result.Ok, result.Error);
        if (count >= 0) Assert.Equal(count, result.Collection.Vms.Count);
        Assert.All(result.Collection.Vms, v => Assert.False(string.IsNullOrEmpty(v.PoolName)));
    }
}
