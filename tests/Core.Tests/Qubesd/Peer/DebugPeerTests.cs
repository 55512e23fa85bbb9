namespace QubesPoolConsole.Core.Tests.Qubesd.Peer;

/// <summary>Replies of a qubesd running with <c>--debug</c>, whose exception replies fill the traceback field.</summary>
public sealed class DebugPeerTests(QubesdPeer43Debug peer) : IClassFixture<QubesdPeer43Debug>
{
    [PeerFact]
    public async Task Exception_CarriesTheTraceback_MessageUnchanged()
    {
        using var client = new QubesdClient(new QubesdClientOptions { SocketPath = peer.SocketPath });
        var reply = await client.PoolRemoveAsync("varlibqubes");
        Assert.Equal(QubesdReplyKind.QubesException, reply.Kind);
        Assert.Equal("QubesPoolInUseError", reply.ExceptionType);
        Assert.StartsWith("Storage pool is in use", reply.Message);
        Assert.NotNull(reply.Traceback);
        Assert.StartsWith("Traceback (most recent call last):", reply.Traceback);
        Assert.Contains("QubesPoolInUseError", reply.Traceback);
    }
}
