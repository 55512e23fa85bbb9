namespace QubesPoolConsole.Core.Qubesd.Sandbox;

/// <summary>One row of the simulated <c>lvs</c> report that the stand-in's lvm_thin driver reads.</summary>
/// <param name="VolumeGroup">vg_name, e.g. <c>qubes_dom0</c>.</param>
/// <param name="Name">lv_name, e.g. <c>vm-pool</c>.</param>
/// <param name="Attributes">lv_attr; a thin pool's starts with <c>t</c> (<c>twi-aotz--</c>).</param>
/// <param name="SizeBytes">lv_size.</param>
/// <param name="DataPercent">data_percent.</param>
/// <param name="MetadataSizeBytes">lv_metadata_size (thin pools).</param>
/// <param name="MetadataPercent">metadata_percent (thin pools).</param>
public sealed record SandboxLogicalVolume(string VolumeGroup, string Name, string Attributes, long SizeBytes,
    double DataPercent, long MetadataSizeBytes = 0, double MetadataPercent = 0)
{
    /// <summary>A default R4.x LVM install: root-pool and vm-pool thin pools, root and swap in volume group qubes_dom0.</summary>
    public static readonly IReadOnlyList<SandboxLogicalVolume> Defaults =
    [
        new("qubes_dom0", "root-pool", "twi-aotz--", 20L << 30, 38.5, 24L << 20, 17.2),
        new("qubes_dom0", "root", "Vwi-aotz--", 20L << 30, 38.5),
        new("qubes_dom0", "swap", "-wi-ao----", 4L << 30, 0),
        new("qubes_dom0", "vm-pool", "twi-aotz--", 400L << 30, 41.7, 1L << 30, 22.3),
    ];
}
