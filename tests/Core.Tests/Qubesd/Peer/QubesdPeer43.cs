namespace QubesPoolConsole.Core.Tests.Qubesd.Peer;

/// <summary>The peer running core-admin release4.3 (4.3.50).</summary>
public sealed class QubesdPeer43() : QubesdPeer("release4.3");
