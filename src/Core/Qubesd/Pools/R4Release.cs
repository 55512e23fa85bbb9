namespace QubesPoolConsole.Core.Qubesd.Pools;

/// <summary>The Qubes release whose qubesd a plan is checked against; the two differ in a few pool rules.</summary>
public enum R4Release
{
    /// <summary>Qubes R4.2 (core-admin 4.2.x): revisions_to_keep only 0 or more; boolean Add options kept as text.</summary>
    R4_2,

    /// <summary>Qubes R4.3 (core-admin 4.3.x): revisions_to_keep may be -1 (snapshots disabled).</summary>
    R4_3,
}
