namespace QubesPoolConsole.Core.Qubesd.Pools;

/// <summary>What a pool option's value must look like before the console sends it.</summary>
public enum R4OptionType
{
    /// <summary>Any non-empty ASCII text on one line (callback's conf_id, options of drivers the console does not know).</summary>
    Text,

    /// <summary>An absolute directory path in dom0.</summary>
    Path,

    /// <summary>A boolean; the console sends exactly <c>True</c> or <c>False</c>.</summary>
    Bool,

    /// <summary>A count of revisions: decimal digits without leading zeros (R4.3 also -1).</summary>
    Revisions,

    /// <summary>An LVM volume group or logical volume name.</summary>
    LvmName,

    /// <summary>A ZFS dataset path such as <c>tank/qubes</c>.</summary>
    ZfsDataset,
}
