namespace QubesPoolConsole.Core.Qubesd.Wire;

/// <summary>Where and how <see cref="QubesdClient"/> talks to qubesd.</summary>
public sealed record QubesdClientOptions
{
    /// <summary>The socket qubesd's Admin API listens on in dom0.</summary>
    public const string DefaultSocketPath = "/var/run/qubesd.sock";

    /// <summary>The qubesd Admin API socket.</summary>
    public string SocketPath { get; init; } = DefaultSocketPath;

    /// <summary>How long one call may take from connecting to its last reply byte (not counting its wait for a slot).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many calls may be open at once; further calls wait for a slot. Event streams do not count.</summary>
    public int MaxParallelCalls { get; init; } = 8;

    /// <summary>A reply longer than this is not read to the end (a guard against a runaway peer).</summary>
    public int MaxReplyBytes { get; init; } = 64 * 1024 * 1024;
}
