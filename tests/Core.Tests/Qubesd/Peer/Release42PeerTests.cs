namespace QubesPoolConsole.Core.Tests.Qubesd.Peer;

/// <summary>The conformance tests against core-admin release4.2.</summary>
public sealed class Release42PeerTests(QubesdPeer42 peer) : PeerConformanceTests(peer), IClassFixture<QubesdPeer42>
{
    protected override bool IsR43 => false;
}
