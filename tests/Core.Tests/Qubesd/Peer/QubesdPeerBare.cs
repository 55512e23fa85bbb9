namespace QubesPoolConsole.Core.Tests.Qubesd.Peer;

/// <summary>The release4.3 peer without demo VMs: a fresh install, as the unseeded R4 sandbox is.</summary>
public sealed class QubesdPeer43Bare() : QubesdPeer("release4.3", "--no-vms");

/// <summary>The release4.2 peer without demo VMs.</summary>
public sealed class QubesdPeer42Bare() : QubesdPeer("release4.2", "--no-vms");
