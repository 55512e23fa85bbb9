namespace QubesPoolConsole.Core.Tests.Qubesd.Sandbox;

/// <summary>
/// admin.pool.Add's checks in qubesd's order (notes §3.7) and the empty replies the peer README lists under
/// "Observed behaviour" (release4.3).
/// </summary>
public sealed class AddValidationTests : SandboxTests
{
    // What the payload does wrong → the payload ({0} is the pool's directory).
    private static readonly (string Why, string Payload)[] BadAddPayloads =
    [
        ("bad name", "name=bad pool\ndir_path={0}\n"),
        ("missing name=", "dir_path={0}\n"),
        ("existing pool name", "name=vm-pool\ndir_path={0}\n"),
        ("duplicated option", "name=p1\ndir_path={0}\ndir_path={0}\n"),
        ("line without =", "name=p1\ndir_path={0}\nnonsense\n"),
        ("revisions_to_keep above 1 for file", "name=p1\ndir_path={0}\nrevisions_to_keep=2\n"),
        ("revisions_to_keep not an integer", "name=p1\ndir_path={0}\nrevisions_to_keep=two\n"),
        ("ephemeral_volatile not parse_bool", "name=p1\ndir_path={0}\nephemeral_volatile=yes\n"),
        ("dir_path parent missing", "name=p1\ndir_path={0}/no/such/parent\n"),
    ];

    public static TheoryData<string> BadAddCases => [.. BadAddPayloads.Select(c => c.Why)];

    [Theory]
    [MemberData(nameof(BadAddCases))]
    public async Task Refused_WithEmptyReply(string why)
    {
        var payloadFormat = BadAddPayloads.Single(c => c.Why == why).Payload;
        var reply = await Q.Call("admin.pool.Add", "file", payload: string.Format(payloadFormat, Dir("p1")));
        Assert.True(reply.Length == 0, $"{why}: got {reply}");
        Assert.DoesNotContain("p1", await Q.Call("admin.pool.List"));
    }

    [Fact]
    public async Task NonAsciiPayload_EmptyReply()
        => Assert.Equal("", await Q.Call("admin.pool.Add", "file", payload: $"name=p1\ndir_path={Dir("é")}\n"));

    // {0} in a payload stands for a fresh directory's path.
    [Theory]
    [InlineData("unknown driver named", "file_reflink", "name=p1\ndir_path=/x\n", "QubesException", "unexpected driver name: file_reflink")]
    [InlineData("driver checked before the payload", "nope", "garbage without equals", "QubesException", "unexpected driver name: nope")]
    [InlineData("unexpected options in payload order, driver= among them", "file", "name=p1\nfoo=1\ndir_path={0}\ndriver=file\n", "QubesException", "unexpected driver options: foo driver")]
    [InlineData("missing required option named (R4.3)", "file", "name=p1\n", "QubesException", "missing required driver options: dir_path")]
    [InlineData("missing required options named (R4.3)", "lvm_thin", "name=p1\n", "QubesException", "missing required driver options: volume_group thin_pool")]
    [InlineData("unexpected checked before missing", "linux-kernel", "name=k1\nrevisions_to_keep=0\n", "QubesException", "unexpected driver options: revisions_to_keep")]
    [InlineData("bad setup_check literal", "file-reflink", "name=r1\ndir_path={0}\nsetup_check=maybe\n", "QubesValueError", "Invalid literal for boolean property: 'maybe'")]
    public async Task Refused_WithTheExceptionQubesdRaises(string why, string driver, string payloadFormat, string type, string message)
    {
        var reply = await Q.Call("admin.pool.Add", driver, payload: string.Format(payloadFormat, Dir("p1")));
        Assert.True(reply == $"2\\0{type}\\0\\0{message}\\0", $"{why}: got {reply}");
    }

    [Fact]
    public async Task Callback_WithoutQubesCallbackJson_EmptyReply()
        => Assert.Equal("", await Q.Call("admin.pool.Add", "callback", payload: "name=c1\nconf_id=x\n"));

    [Fact]
    public async Task File_CreatesDirAndSubdirs_NormalisesPath()
    {
        var dir = Dir("f1");
        Assert.Equal("0\\0", await Q.Call("admin.pool.Add", "file", payload: $"name=f1\ndir_path={dir}//\nephemeral_volatile=on\n"));
        Assert.True(Directory.Exists(Path.Combine(dir, "appvms")));
        Assert.True(Directory.Exists(Path.Combine(dir, "vm-templates")));
        var info = await Q.Call("admin.pool.Info", "f1");
        Assert.StartsWith($"0\\0dir_path={dir}\ndriver=file\nephemeral_volatile=True\nname=f1\nrevisions_to_keep=1\nsize=", info);
    }

    [Fact]
    public async Task LinuxKernel_CreatesNothing_AndVolumeListFailsWhileTheDirIsMissing()
    {
        var dir = Dir("kernels");
        Assert.Equal("0\\0", await Q.Call("admin.pool.Add", "linux-kernel", payload: $"name=k1\ndir_path={dir}\n"));
        Assert.False(Directory.Exists(dir));
        Assert.Equal($"0\\0dir_path={dir}\ndriver=linux-kernel\nname=k1\n", await Q.Call("admin.pool.Info", "k1"));
        Assert.Equal("", await Q.Call("admin.pool.volume.List", "k1"));
        Assert.Equal("0\\0", await Q.Call("admin.pool.UsageDetails", "k1"));
    }

    [Theory]
    [InlineData("admin.pool.Info")]
    [InlineData("admin.pool.UsageDetails")]
    [InlineData("admin.pool.Remove")]
    [InlineData("admin.pool.volume.List")]
    public async Task UnknownPool_EmptyReply(string method)
        => Assert.Equal("", await Q.Call(method, "no-such-pool"));

    [Theory]
    [InlineData("admin.pool.Set.revisions_to_keep", "abc", "-2", "01", "")]
    [InlineData("admin.pool.Set.ephemeral_volatile", "abc", "")]
    public async Task SetWithBadValue_EmptyReply(string method, params string[] payloads)
    {
        foreach (var payload in payloads)
            Assert.True(await Q.Call(method, "vm-pool", payload: payload) == "", $"{method} with '{payload}'");
    }

    [Fact]
    public async Task SetRevisions_PerDriverRules()
    {
        Assert.Equal("0\\0", await Q.Call("admin.pool.Add", "file", payload: $"name=f1\ndir_path={Dir("f1")}\n"));
        Assert.Equal("", await Q.Call("admin.pool.Set.revisions_to_keep", "f1", payload: "2"));
        Assert.Equal("0\\0", await Q.Call("admin.pool.Set.revisions_to_keep", "f1", payload: "-1"));
        Assert.Contains("\nrevisions_to_keep=-1\n", await Q.Call("admin.pool.Info", "f1"));
        // file-reflink has no such limit.
        Assert.Equal("0\\0", await Q.Call("admin.pool.Add", "file-reflink", payload: $"name=r1\ndir_path={Dir("r1")}\nsetup_check=off\n"));
        Assert.Equal("0\\0", await Q.Call("admin.pool.Set.revisions_to_keep", "r1", payload: "5"));
        Assert.Equal("2\\0QubesValueError\\0\\0LinuxKernel supports only revisions_to_keep=0\\0",
            await Q.Call("admin.pool.Set.revisions_to_keep", "linux-kernel", payload: "1"));
        Assert.Equal("0\\0", await Q.Call("admin.pool.Set.revisions_to_keep", "linux-kernel", payload: "0"));
        Assert.Equal("0\\0", await Q.Call("admin.pool.Set.ephemeral_volatile", "vm-pool", payload: "YES"));
        Assert.Contains("\nephemeral_volatile=True\n", await Q.Call("admin.pool.Info", "vm-pool"));
    }
}
