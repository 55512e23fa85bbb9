using System.Xml.Linq;

namespace QubesPoolConsole.Core.Tests.Qubesd.Sandbox;

/// <summary>Changes reach qubes.xml at once and survive a restart; Remove leaves the directory; in-use pools stay.</summary>
public sealed class PersistenceTests : IAsyncLifetime
{
    private SandboxFixture _q = null!;

    public async Task InitializeAsync() => _q = await SandboxFixture.StartAsync();

    public async Task DisposeAsync() => await _q.DisposeAsync();

    private XElement Xml => XDocument.Load(Path.Combine(_q.DataDir, "qubes.xml")).Root!;

    [Fact]
    public async Task AddSetAndDefault_SurviveARestart()
    {
        var dir = Path.Combine(_q.Root, "extra");
        Assert.Equal("0\\0", await _q.Call("admin.pool.Add", "file", payload: $"name=extra\ndir_path={dir}\nrevisions_to_keep=0\n"));
        Assert.Equal("0\\0", await _q.Call("admin.pool.Set.revisions_to_keep", "extra", payload: "1"));
        Assert.Equal("0\\0", await _q.Call("admin.pool.Set.ephemeral_volatile", "extra", payload: "on"));
        Assert.Equal("0\\0", await _q.Call("admin.property.Set", "default_pool_volatile", payload: "extra"));

        var pool = Xml.Element("pools")!.Elements("pool").Single(p => (string?)p.Attribute("name") == "extra");
        Assert.Equal(["name", "dir_path", "driver", "revisions_to_keep", "ephemeral_volatile"],
            pool.Attributes().Select(a => a.Name.LocalName));
        Assert.Equal("True", (string?)pool.Attribute("ephemeral_volatile"));
        Assert.Equal("extra", Xml.Element("properties")!.Elements("property")
            .Single(p => (string?)p.Attribute("name") == "default_pool_volatile").Value);

        var before = await _q.Call("admin.pool.Info", "extra");
        await _q.RestartAsync();
        Assert.Equal("0\\0varlibqubes\nlinux-kernel\nvm-pool\nextra\n", await _q.Call("admin.pool.List"));
        Assert.Equal(StripUsage(before), StripUsage(await _q.Call("admin.pool.Info", "extra")));
        Assert.Equal("0\\0default=False type=str extra", await _q.Call("admin.property.Get", "default_pool_volatile"));
    }

    [Fact]
    public async Task Remove_IsPersisted_AndLeavesTheDirectory()
    {
        var dir = Path.Combine(_q.Root, "gone");
        Assert.Equal("0\\0", await _q.Call("admin.pool.Add", "file", payload: $"name=gone\ndir_path={dir}\n"));
        Assert.Equal("0\\0", await _q.Call("admin.pool.Remove", "gone"));
        Assert.True(Directory.Exists(dir));
        await _q.RestartAsync();
        Assert.Equal("0\\0varlibqubes\nlinux-kernel\nvm-pool\n", await _q.Call("admin.pool.List"));
        Assert.Equal("", await _q.Call("admin.pool.Info", "gone"));
    }

    [Fact]
    public async Task Remove_RefusedWhileVmVolumesLiveInThePool()
    {
        Assert.Equal("2\\0QubesPoolInUseError\\0\\0Storage pool is in use: 'varlibqubes'\\0", await _q.Call("admin.pool.Remove", "varlibqubes"));
        Assert.Equal("2\\0QubesPoolInUseError\\0\\0Storage pool is in use: 'vm-pool'\\0", await _q.Call("admin.pool.Remove", "vm-pool"));
        Assert.Equal("2\\0QubesPoolInUseError\\0\\0Storage pool is in use: 'linux-kernel'\\0", await _q.Call("admin.pool.Remove", "linux-kernel"));
        await _q.RestartAsync();
        Assert.Equal("0\\0varlibqubes\nlinux-kernel\nvm-pool\n", await _q.Call("admin.pool.List"));
    }

    [Fact]
    public async Task Remove_RefusedWhileADefaultPoolPropertyNamesIt_UntilReset()
    {
        var dir = Path.Combine(_q.Root, "spare");
        Assert.Equal("0\\0", await _q.Call("admin.pool.Add", "file", payload: $"name=spare\ndir_path={dir}\n"));
        Assert.Equal("0\\0", await _q.Call("admin.property.Set", "default_pool_private", payload: "spare"));
        Assert.Equal("2\\0QubesPoolInUseError\\0\\0Storage pool is in use: set as default_pool_private\\0",
            await _q.Call("admin.pool.Remove", "spare"));
        Assert.Equal("0\\0", await _q.Call("admin.property.Reset", "default_pool_private"));
        Assert.Equal("0\\0", await _q.Call("admin.pool.Remove", "spare"));
    }

    [Fact]
    public async Task Remove_RefusedForTheComputedDefaultPool()
    {
        // With default_pool reset, a file pool named "default" becomes the default (qubes/app.py _default_pool).
        Assert.Equal("0\\0", await _q.Call("admin.pool.Add", "file", payload: $"name=default\ndir_path={Path.Combine(_q.Root, "d")}\n"));
        Assert.Equal("0\\0", await _q.Call("admin.property.Reset", "default_pool"));
        Assert.Equal("0\\0default=True type=str default", await _q.Call("admin.property.Get", "default_pool"));
        Assert.Equal("2\\0QubesPoolInUseError\\0\\0Storage pool is in use: set as default_pool\\0", await _q.Call("admin.pool.Remove", "default"));
    }

    private static string StripUsage(string info)
        => string.Join('\n', info.Split('\n').Where(l => !l.StartsWith("usage=", StringComparison.Ordinal)));
}
