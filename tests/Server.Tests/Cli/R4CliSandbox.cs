namespace QubesPoolConsole.Server.Tests.Cli;

/// <summary>
/// A temp data folder for the CLI over the R4 sandbox: every run adds <c>--mode sandbox --data DIR --r4</c>, so each
/// command starts the stand-in qubesd in <c>DIR/r4</c> for its duration (state kept in its qubes.xml between runs).
/// </summary>
public sealed class R4CliSandbox : IDisposable
{
    // Short: the stand-in's socket lives in DATA/r4 and a UNIX socket path holds at most 107 bytes.
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("qpc-r4cli-");

    public R4CliSandbox(params string[] extra)
    {
        Cli = new CliProcess(DataDirectory, _root.FullName);
        _extra = extra;
    }

    private readonly string[] _extra;

    public string Root => _root.FullName;
    public string DataDirectory => Path.Combine(Root, "data");

    /// <summary>The stand-in's qubes.xml (its pools and VMs).</summary>
    public string QubesXml => Path.Combine(DataDirectory, "r4", "qubes.xml");

    public CliProcess Cli { get; }

    /// <summary>A folder for a new file pool's dir_path (created: qubesd creates no parents).</summary>
    public string PoolDir(string name) => Directory.CreateDirectory(Path.Combine(Root, "pools", name)).FullName;

    public Task<CliResult> RunAsync(params string[] command)
        => Cli.RunAsync([.. command, "--mode", "sandbox", "--data", DataDirectory, "--r4", .. _extra]);

    public void Dispose() => _root.Delete(recursive: true);
}
