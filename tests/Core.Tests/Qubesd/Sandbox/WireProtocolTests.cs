namespace QubesPoolConsole.Core.Tests.Qubesd.Sandbox;

/// <summary>The stand-in's framing over a real UNIX socket (notes §1.2, §1.3, §8.2 example 13).</summary>
public sealed class WireProtocolTests : SandboxTests
{
    [Fact]
    public async Task Request_SplitOverSeveralWrites_IsAnsweredOnce()
    {
        var reply = await RawQubesdClient.SendAsync(Q.Socket,
            "admin.pool"u8.ToArray(), ".List+ do"u8.ToArray(), "m0 name dom0"u8.ToArray(), "\0"u8.ToArray());
        Assert.Equal("0\\0varlibqubes\nlinux-kernel\nvm-pool\n", RawQubesdClient.Show(reply));
    }

    [Fact]
    public async Task KeywordAdminvm_IsDom0()
    {
        var viaKeyword = await RawQubesdClient.SendAsync(Q.Socket, "admin.pool.List+ dom0 keyword adminvm\0"u8.ToArray());
        Assert.Equal(await RawQubesdClient.CallAsync(Q.Socket, "admin.pool.List"), viaKeyword);
    }

    [Theory]
    [InlineData("admin.pool.List+ dom0 name dom0")] // no NUL after the header
    [InlineData("admin.pool.List+ dom0 dom0\0")] // three fields
    [InlineData("admin.pool.List+ dom0 uuid dom0\0")] // destination type other than name
    public async Task FramingError_AbortsWithNoBytes(string request)
        => Assert.Empty(await RawQubesdClient.SendAsync(Q.Socket, Encoding.ASCII.GetBytes(request)));

    [Fact]
    public async Task RequestOver64KiB_IsAbortedAndOneAtTheLimitIsNot()
    {
        var header = "admin.pool.Add+file dom0 name dom0\0"u8.ToArray();
        var atLimit = header.Concat(Enumerable.Repeat((byte)'x', QubesdSandbox.MaxRequestBytes - header.Length)).ToArray();
        var over = atLimit.Append((byte)'x').ToArray();

        Assert.Empty(await RawQubesdClient.SendAsync(Q.Socket, over));
        // At exactly 65536 bytes the call runs: "x…" has no '=' so Add's enforce refuses it, also with no bytes,
        // so the difference is seen in the journal: one "request too long", and the Add refused on its payload.
        Assert.Empty(await RawQubesdClient.SendAsync(Q.Socket, atLimit));
        lock (Q.Journal)
        {
            Assert.Single(Q.Journal, l => l == "request too long");
            Assert.Contains(Q.Journal, l => l.Contains("without '='"));
        }
    }

    [Fact]
    public async Task UnknownMethodAndPayloadForNoPayloadMethod_GiveEmptyReplies()
    {
        Assert.Equal("", await Q.Call("admin.pool.volume.Info", "vm-pool"));
        Assert.Equal("", await Q.Call("admin.pool.List", payload: "x"));
    }

    [Fact]
    public async Task InvalidOrUnknownDestination_IsAQubesException_R43()
    {
        Assert.Equal("2\\0QubesVMNotFoundError\\0\\0No such domain: 'nosuch'\\0", await Q.Call("admin.pool.List", dest: "nosuch"));
        Assert.Equal("2\\0QubesValueError\\0\\0VM name cannot start with hyphen, underscore, dot or numbers\\0",
            await Q.Call("admin.pool.List", dest: "-bad"));
        // A VM that exists but is not dom0: the handler's enforce → empty.
        Assert.Equal("", await Q.Call("admin.pool.List", dest: "work"));
    }

    [Fact]
    public async Task ManyConnectionsAtOnce_AllAnswered()
    {
        var calls = Enumerable.Range(0, 40).Select(_ => RawQubesdClient.CallAsync(Q.Socket, "admin.pool.Info", "vm-pool"));
        var replies = await Task.WhenAll(calls);
        Assert.All(replies, r => Assert.StartsWith("0\0driver=lvm_thin\n", Encoding.ASCII.GetString(r)));
    }

    [Fact]
    public async Task Stop_DeletesTheSocketFile_AndAStartReplacesAStaleOne()
    {
        var socket = Q.Socket;
        await Q.StopAsync();
        Assert.False(File.Exists(socket));

        File.WriteAllText(socket, "stale");
        await Q.RestartAsync();
        Assert.StartsWith("0\\0", await Q.Call("admin.pool.List"));
    }
}
