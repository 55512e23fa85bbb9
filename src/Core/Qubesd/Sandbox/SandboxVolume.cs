namespace QubesPoolConsole.Core.Qubesd.Sandbox;

/// <summary>One <c>&lt;volume&gt;</c> of a domain's <c>&lt;volume-config&gt;</c> (qubes.storage.Volume.config).</summary>
internal sealed class SandboxVolume
{
    public required string Name { get; init; }

    public required string Pool { get; init; }

    public required string Vid { get; init; }

    public string RevisionsToKeep { get; init; } = "0";

    public bool Rw { get; init; }

    public bool SaveOnStop { get; init; }

    public bool SnapOnStart { get; init; }

    /// <summary>Virtual size in bytes; 0 is not written (as <c>if self.size:</c>).</summary>
    public long Size { get; init; }

    /// <summary>The source volume's vid (snap_on_start volumes), else null.</summary>
    public string? Source { get; init; }

    /// <summary>An explicit <c>ephemeral</c>, else null (volatile volumes then follow the pool's ephemeral_volatile).</summary>
    public bool? Ephemeral { get; init; }
}
