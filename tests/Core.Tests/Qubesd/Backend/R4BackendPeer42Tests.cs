using QubesPoolConsole.Core.Tests.Qubesd.Peer;

namespace QubesPoolConsole.Core.Tests.Qubesd.Backend;

/// <summary>The backend against core-admin release4.2.</summary>
public sealed class R4BackendPeer42Tests(QubesdPeer42 peer) : R4BackendPeerTests(peer), IClassFixture<QubesdPeer42>;
