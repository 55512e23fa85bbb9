namespace QubesPoolConsole.Core.Qubesd.Sandbox;

/// <summary>qubes.storage.kernels.LinuxKernel: a directory of kernel versions; no size, no usage, no revisions.</summary>
internal sealed class SandboxLinuxKernelPool : SandboxPool
{
    private readonly string _dirPath;

    public SandboxLinuxKernelPool(SandboxEnvironment env, string name, string dirPath)
        : base(env, name, "0", "False")
        => _dirPath = dirPath;

    public override string Driver => "linux-kernel";

    public override string? DirPath => _dirPath;

    public override IReadOnlyList<KeyValuePair<string, string>> Config =>
        [new("name", Name), new("dir_path", _dirPath), new("driver", Driver)];

    public override void SetRevisionsToKeep(string value)
    {
        if (PyValues.TryInt(value, out long n) && n == 0)
        {
            RevisionsToKeep = "0";
            return;
        }
        throw QubesdRefusal.Qubes("QubesValueError", "LinuxKernel supports only revisions_to_keep=0");
    }

    public override SandboxPool? IncludedIn(SandboxState state) => SearchPoolContainingDir(state, _dirPath);

    // os.listdir(dir_path): FileNotFoundError when the directory is gone, unhandled in qubesd (empty reply).
    public override IEnumerable<string> VolumeIds(SandboxState state)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries(_dirPath).Select(Path.GetFileName).OfType<string>()
                .Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw QubesdRefusal.Empty($"OSError: listdir({_dirPath}): {ex.Message}");
        }
    }
}
