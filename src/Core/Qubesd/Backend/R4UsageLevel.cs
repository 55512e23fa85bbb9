namespace QubesPoolConsole.Core.Qubesd.Backend;

/// <summary>How full a pool is, in the bands of the Qubes disk widget (qui/tray/disk_space.py, <c>colored_percentage</c>).</summary>
public enum R4UsageLevel
{
    /// <summary>No size or no usage known: nothing to judge (the widget shows such pools grey).</summary>
    Unknown,

    /// <summary>Below 90 % (green).</summary>
    Normal,

    /// <summary>From 90 % to below 95 % (orange).</summary>
    Warning,

    /// <summary>95 % and above (red; the widget notifies).</summary>
    Critical,
}
