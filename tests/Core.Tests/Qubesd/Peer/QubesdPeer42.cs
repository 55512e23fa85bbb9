namespace QubesPoolConsole.Core.Tests.Qubesd.Peer;

/// <summary>The peer running core-admin release4.2 (4.2.39).</summary>
public sealed class QubesdPeer42() : QubesdPeer("release4.2");
