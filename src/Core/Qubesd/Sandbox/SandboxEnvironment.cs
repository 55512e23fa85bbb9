namespace QubesPoolConsole.Core.Qubesd.Sandbox;

/// <summary>What the drivers need to know about the stand-in's world: release, base folder, simulated LVM and ZFS.</summary>
internal sealed class SandboxEnvironment(QubesdSandboxOptions options)
{
    public bool IsR42 { get; } = options.Release == "4.2";

    /// <summary><c>qubes.config.qubes_base_dir</c> (the data folder).</summary>
    public string BaseDir { get; } = Path.GetFullPath(options.DataDirectory).TrimEnd('/') is { Length: > 0 } d ? d : "/";

    public IReadOnlyList<SandboxLogicalVolume> LogicalVolumes { get; } = options.LogicalVolumes;

    public bool ZfsAvailable { get; } = options.ZfsAvailable;

    public IReadOnlyList<SandboxZpool> Zpools { get; } = options.Zpools;

    /// <summary>The simulated <c>lvs</c> row for <c>vg/lv</c>.</summary>
    public SandboxLogicalVolume? FindLv(string volumeGroup, string name)
        => LogicalVolumes.FirstOrDefault(lv => lv.VolumeGroup == volumeGroup && lv.Name == name);
}
