using System.Security.Cryptography;

namespace QubesPoolConsole.Server.Tests.Cli;

/// <summary>pools --json and check --json on the real Qubes fixtures, field by field.</summary>
public class CliJsonTests
{
    public static TheoryData<string, string[]> QubesXmlFixtures => new()
    {
        { "r3.2-qubes.xml", TestFixtures.R32Vms },
        { "r3-qubes.xml", TestFixtures.R3Vms },
    };

    [Theory]
    [MemberData(nameof(QubesXmlFixtures))]
    public async Task PoolsJson_ShippedConf_ReportsTheDefaultPoolFieldByField(string qubesXml, string[] vms)
    {
        using var box = new CliSandbox(qubesXmlFixture: qubesXml).WithQubesDefaultDirPath();
        File.Copy(TestFixtures.PathOf("r3.2-shipped-storage.conf"), box.ConfPath);

        var run = await box.RunAsync("pools", "--json").ExitsWith(0);
        Assert.Equal("", run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal(["file", "sha256", "pools", "diagnostics"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(box.ConfPath, root.GetProperty("file").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(box.ConfPath))), root.GetProperty("sha256").GetString());

        var pool = Assert.Single(root.GetProperty("pools").EnumerateArray());
        Assert.Equal(["name", "driver", "class", "options", "effective", "line", "vms"], pool.EnumerateObject().Select(p => p.Name));
        Assert.Equal("default", pool.GetProperty("name").GetString());
        Assert.Equal("xen", pool.GetProperty("driver").GetString());
        Assert.Equal(JsonValueKind.Null, pool.GetProperty("class").ValueKind);
        Assert.Empty(pool.GetProperty("options").EnumerateObject());
        var effective = Assert.Single(pool.GetProperty("effective").EnumerateObject());
        Assert.Equal(("dir_path", "/var/lib/qubes/"), (effective.Name, effective.Value.GetString()));
        Assert.Equal(1, pool.GetProperty("line").GetInt32());
        Assert.Equal(vms, pool.GetProperty("vms").EnumerateArray().Select(v => v.GetString()));

        Assert.Empty(root.GetProperty("diagnostics").EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(QubesXmlFixtures))]
    public async Task CheckJson_ShippedConf_IsThePoolsObjectAndExitsZero(string qubesXml, string[] vms)
    {
        using var box = new CliSandbox(qubesXmlFixture: qubesXml).WithQubesDefaultDirPath();
        File.Copy(TestFixtures.PathOf("r3.2-shipped-storage.conf"), box.ConfPath);

        var check = await box.RunAsync("check", "--json");
        var pools = await box.RunAsync("pools", "--json");

        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Equal(pools.Stdout, check.Stdout);
        using var json = JsonDocument.Parse(check.Stdout);
        Assert.Equal(vms.Length, json.RootElement.GetProperty("pools")[0].GetProperty("vms").GetArrayLength());
    }

    [Fact]
    public async Task PoolsJson_PoolWithDefaultsAndDuplicates_ShowsWhatQubesReads()
    {
        using var box = new CliSandbox(
            "[default]\ndriver=xen\n\n[vmstore]\ndriver=xen\ndir_path=/mnt/old\n\n[custom]\nclass=my.storage.Pool\nsize=10\n\n[vmstore]\ndir_path=/mnt/vmstore\n");
        box.PutVmsInPool("vmstore", "work", "personal");

        var run = await box.RunAsync("pools", "--json").ExitsWith(0);
        using var json = JsonDocument.Parse(run.Stdout);
        var pools = json.RootElement.GetProperty("pools").EnumerateArray().ToList();
        Assert.Equal(["default", "vmstore", "custom"], pools.Select(p => p.GetProperty("name").GetString()));

        var vmstore = pools[1];
        Assert.Equal("xen", vmstore.GetProperty("driver").GetString());
        Assert.Equal("/mnt/vmstore", vmstore.GetProperty("options").GetProperty("dir_path").GetString());
        Assert.Single(vmstore.GetProperty("options").EnumerateObject());
        Assert.Equal(4, vmstore.GetProperty("line").GetInt32());
        Assert.Equal(["personal", "work"], vmstore.GetProperty("vms").EnumerateArray().Select(v => v.GetString()));

        var custom = pools[2];
        Assert.Equal(JsonValueKind.Null, custom.GetProperty("driver").ValueKind);
        Assert.Equal("my.storage.Pool", custom.GetProperty("class").GetString());
        Assert.Equal("10", custom.GetProperty("effective").GetProperty("size").GetString());
        Assert.Empty(custom.GetProperty("vms").EnumerateArray());

        // Sandbox mode: the default pool's dir_path is the sandbox's, as the server shows it.
        Assert.Equal(Path.Combine(box.DataDirectory, "var", "lib", "qubes") + "/",
            pools[0].GetProperty("effective").GetProperty("dir_path").GetString());

        var diagnostics = json.RootElement.GetProperty("diagnostics").EnumerateArray().ToList();
        var duplicate = Assert.Single(diagnostics, d => d.GetProperty("line").ValueKind == JsonValueKind.Number && d.GetProperty("line").GetInt32() == 12);
        Assert.Equal(["severity", "line", "section", "key", "message"], duplicate.EnumerateObject().Select(p => p.Name));
        Assert.Equal("warning", duplicate.GetProperty("severity").GetString());
        Assert.Equal("vmstore", duplicate.GetProperty("section").GetString());
    }

    [Fact]
    public async Task CheckJson_XenPoolWithoutDirPath_ReportsTheErrorWithLineSectionAndKey()
    {
        using var box = new CliSandbox("[default]\ndriver=xen\n\n[vmstore]\ndriver=xen\n");

        var run = await box.RunAsync("check", "--json").ExitsWith(1);
        using var json = JsonDocument.Parse(run.Stdout);
        var d = Assert.Single(json.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("error", d.GetProperty("severity").GetString());
        Assert.Equal(4, d.GetProperty("line").GetInt32());
        Assert.Equal("vmstore", d.GetProperty("section").GetString());
        Assert.Equal("dir_path", d.GetProperty("key").GetString());
        Assert.Contains("has no dir_path", d.GetProperty("message").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("pools").GetArrayLength());
    }

    [Fact]
    public async Task PoolsJson_KeyBeforeAnySection_HasNoPoolsAndSaysWhy()
    {
        using var box = new CliSandbox("driver=xen\n[default]\ndriver=xen\n");

        var run = await box.RunAsync("pools", "--json").ExitsWith(1);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Empty(json.RootElement.GetProperty("pools").EnumerateArray());
        var d = json.RootElement.GetProperty("diagnostics")[0];
        Assert.Equal("error", d.GetProperty("severity").GetString());
        Assert.Equal(1, d.GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task CheckJson_MissingFile_ExitsTwoWithNoHashAndNoPools()
    {
        using var box = new CliSandbox();

        var run = await box.RunAsync("check", "--json").ExitsWith(2);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("sha256").ValueKind);
        Assert.Empty(json.RootElement.GetProperty("pools").EnumerateArray());
        var d = Assert.Single(json.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("error", d.GetProperty("severity").GetString());
        Assert.Contains("does not exist", d.GetProperty("message").GetString());
        Assert.False(File.Exists(box.ConfPath));
    }

    [Fact]
    public async Task CheckJson_NotUtf8_ExitsTwoWithTheHashOfTheBytes()
    {
        using var box = new CliSandbox();
        byte[] bytes = [.. "[default]\ndriver=xen\n# caf"u8, 0xE9, (byte)'\n'];
        File.WriteAllBytes(box.ConfPath, bytes);

        var run = await box.RunAsync("check", "--json").ExitsWith(2);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), json.RootElement.GetProperty("sha256").GetString());
        var d = Assert.Single(json.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal(3, d.GetProperty("line").GetInt32());
        Assert.Empty(json.RootElement.GetProperty("pools").EnumerateArray());
    }
}
