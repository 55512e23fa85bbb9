using System.Xml.Linq;

namespace QubesPoolConsole.Core.Tests.Qubesd.Sandbox;

/// <summary>Changes reach qubes.xml at once and survive a restart; Remove leaves the directory; in-use pools stay.</summary>
public sealed class PersistenceTests : SandboxTests
{
    private XElement Xml => XDocument.Load(Path.Combine(Q.DataDir, "qubes.xml")).Root!;

    [Fact]
    public async Task AddSetAndDefault_SurviveARestart()
    {
        var dir = await AddFilePoolAsync("extra", "revisions_to_keep=0\n");
        Assert.Equal("0\\0", await Q.Call("admin.pool.Set.revisions_to_keep", "extra", payload: "1"));
        Assert.Equal("0\\0", await Q.Call("admin.pool.Set.ephemeral_volatile", "extra", payload: "on"));
        Assert.Equal("0\\0", await Q.Call("admin.property.Set", "default_pool_volatile", payload: "extra"));

        var pool = Xml.Element("pools")!.Elements("pool").Single(p => (string?)p.Attribute("name") == "extra");
        Assert.Equal(["name", "dir_path", "driver", "revisions_to_keep", "ephemeral_volatile"],
            pool.Attributes().Select(a => a.Name.LocalName));
        Assert.Equal("True", (string?)pool.Attribute("ephemeral_volatile"));
        Assert.Equal("extra", Xml.Element("properties")!.Elements("property")
            .Single(p => (string?)p.Attribute("name") == "default_pool_volatile").Value);

        var before = await Q.Call("admin.pool.Info", "extra");
        await Q.RestartAsync();
        Assert.Equal("0\\0varlibqubes\nlinux-kernel\nvm-pool\nextra\n", await Q.Call("admin.pool.List"));
        Assert.Equal(StripUsage(before), StripUsage(await Q.Call("admin.pool.Info", "extra")));
        Assert.Equal("0\\0default=False type=str extra", await Q.Call("admin.property.Get", "default_pool_volatile"));
    }

    [Fact]
    public async Task Remove_IsPersisted_AndLeavesTheDirectory()
    {
        var dir = await AddFilePoolAsync("gone");
        Assert.Equal("0\\0", await Q.Call("admin.pool.Remove", "gone"));
        Assert.True(Directory.Exists(dir));
        await Q.RestartAsync();
        Assert.Equal("0\\0varlibqubes\nlinux-kernel\nvm-pool\n", await Q.Call("admin.pool.List"));
        Assert.Equal("", await Q.Call("admin.pool.Info", "gone"));
    }

    [Fact]
    public async Task Remove_RefusedWhileVmVolumesLiveInThePool()
    {
        Assert.Equal("2\\0QubesPoolInUseError\\0\\0Storage pool is in use: 'varlibqubes'\\0", await Q.Call("admin.pool.Remove", "varlibqubes"));
        Assert.Equal("2\\0QubesPoolInUseError\\0\\0Storage pool is in use: 'vm-pool'\\0", await Q.Call("admin.pool.Remove", "vm-pool"));
        Assert.Equal("2\\0QubesPoolInUseError\\0\\0Storage pool is in use: 'linux-kernel'\\0", await Q.Call("admin.pool.Remove", "linux-kernel"));
        await Q.RestartAsync();
        Assert.Equal("0\\0varlibqubes\nlinux-kernel\nvm-pool\n", await Q.Call("admin.pool.List"));
    }

    [Fact]
    public async Task Remove_RefusedWhileADefaultPoolPropertyNamesIt_UntilReset()
    {
        var dir = await AddFilePoolAsync("spare");
        Assert.Equal("0\\0", await Q.Call("admin.property.Set", "default_pool_private", payload: "spare"));
        Assert.Equal("2\\0QubesPoolInUseError\\0\\0Storage pool is in use: set as default_pool_private\\0",
            await Q.Call("admin.pool.Remove", "spare"));
        Assert.Equal("0\\0", await Q.Call("admin.property.Reset", "default_pool_private"));
        Assert.Equal("0\\0", await Q.Call("admin.pool.Remove", "spare"));
    }

    [Fact]
    public async Task Remove_RefusedForTheComputedDefaultPool()
    {
        // With default_pool reset, a file pool named "default" becomes the default (qubes/app.py _default_pool).
        Assert.Equal("0\\0", await Q.Call("admin.pool.Add", "file", payload: $"name=default\ndir_path={Dir("d")}\n"));
        Assert.Equal("0\\0", await Q.Call("admin.property.Reset", "default_pool"));
        Assert.Equal("0\\0default=True type=str default", await Q.Call("admin.property.Get", "default_pool"));
        Assert.Equal("2\\0QubesPoolInUseError\\0\\0Storage pool is in use: set as default_pool\\0", await Q.Call("admin.pool.Remove", "default"));
    }

    private static string StripUsage(string info)
        => string.Join('\n', info.Split('\n').Where(l => !l.StartsWith("usage=", StringComparison.Ordinal)));
}
