namespace QubesPoolConsole.Core.Tests.Vms;

public class QubesXmlReaderTests
{
    [Fact]
    public void R32Fixture_Read_HasEveryDomainWithPoolTemplateLabelAndInternal()
    {
        var result = QubesXmlReader.Read(TestFixtures.PathOf("r3.2-qubes.xml"));

        Assert.True(result.Ok, result.Error);
        var vms = result.Collection.Vms;
        Assert.Equal(24, vms.Count);
        Assert.Equal(
            ["QubesAdminVm", "QubesAppVm", "QubesHVm", "QubesNetVm", "QubesProxyVm", "QubesTemplateHVm", "QubesTemplateVm"],
            vms.Select(v => v.ElementType).Distinct().Order(StringComparer.Ordinal));
        Assert.All(vms, v => Assert.Equal("default", v.PoolName));
        var work = result.Collection.Find("work")!;
        Assert.Equal((12, "blue", 1, "fedora-23", false), (work.Qid, work.Label, work.TemplateQid, work.TemplateName, work.Internal));
        Assert.True(result.Collection.Find("fedora-23-dvm")!.Internal);
        Assert.Null(result.Collection.Find("dom0")!.TemplateQid);
        Assert.Equal(["fedora-23", "debian-8", "whonix-ws", "whonix-gw", "test-template-clone", "test-hvmtemplate"],
            result.Collection.Templates.Select(t => t.Name));
    }

    [Fact]
    public void R3Fixture_WithoutPoolName_ReadsEveryVmInDefaultPoolIncludingDisposableVm()
    {
        var result = QubesXmlReader.Read(TestFixtures.PathOf("r3-qubes.xml"));

        Assert.True(result.Ok, result.Error);
        Assert.Equal(17, result.Collection.Vms.Count);
        Assert.All(result.Collection.Vms, v => Assert.Equal("default", v.PoolName));
        var disp = result.Collection.Find("disp50")!;
        Assert.Equal(("QubesDisposableVm", null, "red"), (disp.ElementType, disp.DirPath, disp.Label));
        Assert.Equal("fedora-20-x64", disp.TemplateName);
        Assert.Contains(result.Collection.Vms, v => v.ElementType == "QubesHVm");
    }

    [Fact]
    public void PoolNameAttribute_Present_IsKept()
    {
        var result = Parse("<QubesVmCollection><QubesAppVm qid=\"3\" name=\"a\" pool_name=\"fast\" template_qid=\"none\" label=\"red\"/></QubesVmCollection>");

        Assert.Equal("fast", Assert.Single(result.Collection.Vms).PoolName);
        Assert.Equal(["a"], result.Collection.Usage.VmsIn("fast"));
    }

    [Fact]
    public void MissingFile_Read_SaysItDoesNotExist()
    {
        var result = QubesXmlReader.Read("/nonexistent/qubes.xml");

        Assert.False(result.Ok);
        Assert.Contains("does not exist", result.Error);
        Assert.Empty(result.Collection.Vms);
    }

    [Fact]
    public void MalformedXml_Parse_SaysWhereItIsBroken()
    {
        var result = Parse("<QubesVmCollection>\n  <QubesAppVm qid=\"1\" name=\"a\"\n</QubesVmCollection>");

        Assert.False(result.Ok);
        Assert.Contains("not well-formed XML (line", result.Error);
    }

    [Fact]
    public void Dtd_Parse_IsRefused()
    {
        var result = Parse("<!DOCTYPE QubesVmCollection [<!ENTITY x \"y\">]><QubesVmCollection/>");

        Assert.False(result.Ok);
        Assert.Contains("DTD", result.Error);
    }

    [Fact]
    public void WrongRootOrMissingQid_Parse_SaysWhich()
    {
        Assert.Contains("root element is <Other>", Parse("<Other/>").Error);
        Assert.Contains("line 1 has no valid 'name' or 'qid'", Parse("<QubesVmCollection><QubesAppVm name=\"a\"/></QubesVmCollection>").Error);
    }

    private static InventoryResult Parse(string xml) => QubesXmlReader.Parse(new MemoryStream(Encoding.UTF8.GetBytes(xml)));
}
