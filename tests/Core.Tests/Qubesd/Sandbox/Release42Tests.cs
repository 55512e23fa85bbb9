namespace QubesPoolConsole.Core.Tests.Qubesd.Sandbox;

/// <summary>Where R4.2 (core-admin 4.2.39) answers differently from R4.3 (notes §2.9, §3.7, §3.8).</summary>
public sealed class Release42Tests
{
    [Theory]
    [InlineData("4.2", "")]
    [InlineData("4.3", "2\\0QubesException\\0\\0missing required driver options: dir_path\\0")]
    public async Task MissingRequiredOption(string release, string expected)
        => Assert.Equal(expected, await CallOnAsync(release, "admin.pool.Add", "file-reflink", "name=p1\n"));

    [Theory]
    [InlineData("4.2", "")]
    [InlineData("4.3", "0\\0")]
    public async Task RevisionsToKeepMinusOne(string release, string expected)
        => Assert.Equal(expected, await CallOnAsync(release, "admin.pool.Set.revisions_to_keep", "vm-pool", "-1"));

    [Fact]
    public async Task VmList_HasNoUuid_R42()
    {
        await using var q = await SandboxFixture.StartAsync("4.2");
        var list = await q.Call("admin.vm.List");
        Assert.StartsWith("0\\0dom0 class=AdminVM state=Running\nfedora-42 class=TemplateVM state=Halted\n", list);
        Assert.DoesNotContain("uuid=", list);
    }

    [Fact]
    public async Task BadDestinationName_IsNotFound_R42()
    {
        await using var q = await SandboxFixture.StartAsync("4.2");
        Assert.Equal("2\\0QubesVMNotFoundError\\0\\0No such domain: '-bad'\\0", await q.Call("admin.pool.List", dest: "-bad"));
    }

    [Fact]
    public async Task EphemeralVolatile_KeptAsRawText_R42()
    {
        await using var q = await SandboxFixture.StartAsync("4.2");
        var dir = Path.Combine(q.Root, "p1");
        Assert.Equal("0\\0", await q.Call("admin.pool.Add", "file", payload: $"name=p1\ndir_path={dir}\nephemeral_volatile=yes\n"));
        Assert.Contains("\nephemeral_volatile=yes\n", await q.Call("admin.pool.Info", "p1"));
    }

    [Fact]
    public async Task SameAnswersWhereTheReleasesAgree()
    {
        await using var q42 = await SandboxFixture.StartAsync("4.2");
        await using var q43 = await SandboxFixture.StartAsync("4.3");
        foreach (var (method, arg, payload) in new[]
        {
            ("admin.pool.ListDrivers", "", ""), ("admin.pool.Info", "vm-pool", ""), ("admin.pool.UsageDetails", "vm-pool", ""),
            ("admin.pool.Add", "nope", "name=x\n"), ("admin.pool.Add", "file", "name=x\nfoo=1\n"), ("admin.pool.Remove", "vm-pool", ""),
        })
        {
            Assert.Equal(await q43.Call(method, arg, payload: payload), await q42.Call(method, arg, payload: payload));
        }
    }

    // One call to a fresh stand-in of that release, which is stopped again.
    private static async Task<string> CallOnAsync(string release, string method, string arg, string payload)
    {
        await using var q = await SandboxFixture.StartAsync(release);
        return await q.Call(method, arg, payload: payload);
    }
}
