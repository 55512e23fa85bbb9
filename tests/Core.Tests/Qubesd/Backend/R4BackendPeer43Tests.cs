using QubesPoolConsole.Core.Tests.Qubesd.Peer;

namespace QubesPoolConsole.Core.Tests.Qubesd.Backend;

/// <summary>The backend against core-admin release4.3.</summary>
public sealed class R4BackendPeer43Tests(QubesdPeer43 peer) : R4BackendPeerTests(peer), IClassFixture<QubesdPeer43>;
