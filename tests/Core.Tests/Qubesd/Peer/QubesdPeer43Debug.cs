namespace QubesPoolConsole.Core.Tests.Qubesd.Peer;

/// <summary>The release4.3 peer started like <c>qubesd --debug</c>: exception replies carry tracebacks.</summary>
public sealed class QubesdPeer43Debug() : QubesdPeer("release4.3", "--debug");
