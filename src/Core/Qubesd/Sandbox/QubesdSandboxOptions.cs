namespace QubesPoolConsole.Core.Qubesd.Sandbox;

/// <summary>Where the stand-in qubesd keeps its state, which release it answers as, and the storage it simulates.</summary>
public sealed class QubesdSandboxOptions
{
    /// <summary>
    /// The stand-in's <c>/var/lib/qubes</c>: qubes.xml, the <c>varlibqubes</c> pool (this folder itself, as on Qubes),
    /// <c>vm-kernels/</c>. Created when missing (its parent must exist).
    /// </summary>
    public required string DataDirectory { get; init; }

    /// <summary>The UNIX socket to listen on; default <c>qubesd.sock</c> in <see cref="DataDirectory"/>.</summary>
    public string? SocketPath { get; init; }

    /// <summary>"4.3" (default) or "4.2": which release's replies to give where they differ.</summary>
    public string Release { get; init; } = "4.3";

    /// <summary>Seed a fresh data folder with the realistic pools and VMs (see <see cref="QubesdSandbox"/>).</summary>
    public bool Seed { get; init; } = true;

    /// <summary>The simulated <c>lvs</c> report: volume groups, their thin pools and other volumes.</summary>
    public IReadOnlyList<SandboxLogicalVolume> LogicalVolumes { get; init; } = SandboxLogicalVolume.Defaults;

    /// <summary>Whether the <c>zfs</c> and <c>zpool</c> tools "exist"; without them zfs pools cannot be added.</summary>
    public bool ZfsAvailable { get; init; } = true;

    /// <summary>The simulated zpools a zfs pool's container may live in.</summary>
    public IReadOnlyList<SandboxZpool> Zpools { get; init; } = [new SandboxZpool("tank", 1L << 40, 700L << 30)];

    /// <summary>Where a line of the stand-in's journal goes (refused calls, skipped pools); none by default.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>Throws when the options cannot work.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(DataDirectory)) throw new ArgumentException("The sandbox needs a data directory.");
        if (Release is not ("4.2" or "4.3"))
            throw new ArgumentException($"The sandbox answers as Qubes R4.2 or R4.3, not '{Release}'.");
    }
}
