namespace QubesPoolConsole.Core.Qubesd.Sandbox;

/// <summary>qubes.storage.reflink.ReflinkPool: a real directory, the real FICLONE probe on Add, usage from statvfs.</summary>
internal sealed class SandboxReflinkPool : SandboxPool
{
    private static readonly string[] KnownPrefixes = ["appvms", "vm-templates"];
    private readonly string _dirPath;
    private readonly bool _setupCheck;

    public SandboxReflinkPool(SandboxEnvironment env, string name, string revisionsToKeep, string dirPath,
        string setupCheck, string ephemeralVolatile)
        : base(env, name, revisionsToKeep, ephemeralVolatile)
    {
        _setupCheck = PyValues.PropertyBool(setupCheck);
        _dirPath = PathUtil.AbsPath(dirPath);
    }

    public override string Driver => "file-reflink";

    public override string? DirPath => _dirPath;

    // setup_check is not part of the config: it is never written to qubes.xml.
    public override IReadOnlyList<KeyValuePair<string, string>> Config =>
    [
        new("name", Name), new("dir_path", _dirPath), new("driver", Driver),
        new("revisions_to_keep", RevisionsToKeep), new("ephemeral_volatile", EphemeralVolatile),
    ];

    public override IReadOnlyDictionary<string, string> UsageDetails
        => FileSpace.Read(_dirPath) is { } s
            ? new Dictionary<string, string> { ["data_size"] = s.Size.ToString(), ["data_usage"] = s.Used.ToString() }
            : new Dictionary<string, string>();

    public override long? Size => FileSpace.Read(_dirPath)?.Size;

    public override long? Usage => FileSpace.Read(_dirPath)?.Used;

    public override SandboxPool? IncludedIn(SandboxState state) => SearchPoolContainingDir(state, _dirPath);

    public override void Setup()
    {
        bool created = CreateDir(_dirPath);
        if (_setupCheck && !ReflinkProbe.IsSupported(_dirPath))
        {
            if (created) TryRemoveEmptyDir(_dirPath);
            throw QubesdRefusal.Qubes("StoragePoolException",
                $"The filesystem for {PyValues.PyRepr(_dirPath)} does not support reflinks. If you can live with VM "
                + "startup delays and wasted disk space, pass the \"setup_check=False\" option.");
        }
        foreach (var prefix in KnownPrefixes) CreateDir(Path.Combine(_dirPath, prefix));
    }

    /// <summary>reflink._create_dir: mkdir; an existing directory is fine, an existing file is an OSError.</summary>
    private static bool CreateDir(string path)
    {
        if (Directory.Exists(path)) return false;
        if (File.Exists(path)) throw QubesdRefusal.Empty($"FileExistsError: {path} is a file");
        FileOps.MkdirOrEmpty(path);
        return true;
    }

    private static void TryRemoveEmptyDir(string path)
    {
        try
        {
            if (!Directory.EnumerateFileSystemEntries(path).Any()) Directory.Delete(path);
        }
        catch (IOException) { }
    }
}
