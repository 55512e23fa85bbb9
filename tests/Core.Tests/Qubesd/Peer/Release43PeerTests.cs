namespace QubesPoolConsole.Core.Tests.Qubesd.Peer;

/// <summary>The conformance tests against core-admin release4.3.</summary>
public sealed class Release43PeerTests(QubesdPeer43 peer) : PeerConformanceTests(peer), IClassFixture<QubesdPeer43>
{
    protected override bool IsR43 => true;
}
