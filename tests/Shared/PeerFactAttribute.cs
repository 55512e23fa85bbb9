namespace QubesPoolConsole.Tests.Shared;

/// <summary>
/// A fact that runs only when <c>QPC_QUBESD_PEER</c> names the qubesd-peer folder (Qubes' own qubesd handlers, outside
/// the repository); otherwise it is skipped with a sentence saying so, and a clone on its own still passes.
/// </summary>
public sealed class PeerFactAttribute : FactAttribute
{
    public const string Variable = "QPC_QUBESD_PEER";

    public PeerFactAttribute()
    {
        if (QubesdPeer.Folder is null)
            Skip = $"{Variable} is not set: the conformance tests against Qubes' own qubesd handlers are skipped (set it to a qubesd-peer folder to run them).";
    }
}
