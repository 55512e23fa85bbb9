namespace QubesPoolConsole.Core.Qubesd.Sandbox;

/// <summary>
/// One pool as qubesd's <c>qubes.storage.Pool</c> holds it: its config (what Info prints and qubes.xml stores),
/// size and usage, <c>included_in</c>, and what <c>setup()</c> does on Add. Subclasses copy one driver each.
/// </summary>
internal abstract class SandboxPool
{
    protected SandboxPool(SandboxEnvironment env, string name, string revisionsToKeep, string ephemeralVolatile)
    {
        Env = env;
        Name = name;
        SetRevisionsToKeep(revisionsToKeep);
        // Pool.__init__: R4.3 runs qubes.utils.parse_bool (ValueError → empty reply); R4.2 keeps the raw string.
        if (env.IsR42) EphemeralVolatile = ephemeralVolatile;
        else EphemeralVolatile = PyValues.ParseBool(ephemeralVolatile) is { } b
            ? PyValues.Str(b)
            : throw QubesdRefusal.Empty($"ValueError: invalid bool: {ephemeralVolatile}");
    }

    protected SandboxEnvironment Env { get; }

    public string Name { get; }

    public abstract string Driver { get; }

    /// <summary><c>str(pool.revisions_to_keep)</c>: the Add payload's text as given, or the integer from Set.</summary>
    public string RevisionsToKeep { get; protected set; } = "1";

    /// <summary><c>str(pool.ephemeral_volatile)</c>.</summary>
    public string EphemeralVolatile { get; set; }

    /// <summary>The pool's config in the driver's dict order (qubes.xml attribute order).</summary>
    public abstract IReadOnlyList<KeyValuePair<string, string>> Config { get; }

    /// <summary>The setter qubesd runs for <c>revisions_to_keep</c> (from Add text or Set).</summary>
    public virtual void SetRevisionsToKeep(string value) => RevisionsToKeep = value;

    /// <summary><c>pool.size</c>; null when the driver knows none.</summary>
    public virtual long? Size => null;

    /// <summary><c>pool.usage</c>; null when the driver knows none.</summary>
    public virtual long? Usage => null;

    /// <summary><c>pool.usage_details</c> (the base class: data_usage and data_size when known).</summary>
    public virtual IReadOnlyDictionary<string, string> UsageDetails
    {
        get
        {
            var result = new Dictionary<string, string>();
            if (Usage is { } u) result["data_usage"] = u.ToString();
            if (Size is { } s) result["data_size"] = s.ToString();
            return result;
        }
    }

    /// <summary>The directory a file-like pool lives in (used by <c>search_pool_containing_dir</c>).</summary>
    public virtual string? DirPath => null;

    /// <summary><c>pool.included_in(app)</c>; the base class returns None.</summary>
    public virtual SandboxPool? IncludedIn(SandboxState state) => null;

    /// <summary><c>pool.setup()</c>, run by Add before the pool is inserted.</summary>
    public virtual void Setup() { }

    /// <summary><c>pool.volumes.keys()</c>.</summary>
    public virtual IEnumerable<string> VolumeIds(SandboxState state)
        => state.Domains.SelectMany(vm => vm.Volumes).Where(v => v.Pool == Name).Select(v => v.Vid);

    /// <summary><c>search_pool_containing_dir</c>: the first other pool whose directory holds this one's.</summary>
    protected SandboxPool? SearchPoolContainingDir(SandboxState state, string dirPath)
    {
        var real = PathUtil.RealPath(dirPath);
        foreach (var pool in state.Pools)
        {
            if (ReferenceEquals(pool, this) || pool.DirPath is not { } other) continue;
            if (PathUtil.IsSameOrAncestor(PathUtil.RealPath(other), real)) return pool;
        }
        // Then an LVM thin pool backing the directory: no sandbox directory lives on a simulated volume group.
        return null;
    }
}
