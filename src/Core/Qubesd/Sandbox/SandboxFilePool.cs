namespace QubesPoolConsole.Core.Qubesd.Sandbox;

/// <summary>qubes.storage.file.FilePool: a real directory; size from statvfs, 0 when the directory is gone.</summary>
internal sealed class SandboxFilePool : SandboxPool
{
    private readonly string _dirPath;

    public SandboxFilePool(SandboxEnvironment env, string name, string revisionsToKeep, string dirPath, string ephemeralVolatile)
        : base(env, name, revisionsToKeep, ephemeralVolatile)
        => _dirPath = PathUtil.NormPath(dirPath);

    public override string Driver => "file";

    public override string? DirPath => _dirPath;

    public override IReadOnlyList<KeyValuePair<string, string>> Config =>
    [
        new("name", Name), new("dir_path", _dirPath), new("driver", Driver),
        new("revisions_to_keep", RevisionsToKeep), new("ephemeral_volatile", EphemeralVolatile),
    ];

    public override void SetRevisionsToKeep(string value)
    {
        // int(value) (ValueError → empty reply), and FilePool keeps at most one revision (NotImplementedError → empty).
        if (!PyValues.TryInt(value, out long n)) throw QubesdRefusal.Empty($"ValueError: int({value})");
        if (n > 1) throw QubesdRefusal.Empty("NotImplementedError: FilePool supports maximum 1 volume revision to keep");
        RevisionsToKeep = n.ToString();
    }

    public override long? Size => FileSpace.Read(_dirPath)?.Size ?? 0;

    public override long? Usage => FileSpace.Read(_dirPath)?.Used ?? 0;

    public override SandboxPool? IncludedIn(SandboxState state) => SearchPoolContainingDir(state, _dirPath);

    public override void Setup()
    {
        // create_dir_if_not_exists: os.mkdir without parents; an OSError is unhandled in qubesd (empty reply).
        foreach (var dir in new[] { _dirPath, Path.Combine(_dirPath, "appvms"), Path.Combine(_dirPath, "vm-templates") })
        {
            if (Path.Exists(dir)) continue;
            FileOps.MkdirOrEmpty(dir);
        }
    }
}
