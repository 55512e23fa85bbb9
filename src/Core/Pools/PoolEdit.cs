namespace QubesPoolConsole.Core.Pools;

/// <summary>
/// One change a user asks for, kept as data so that a draft can be replayed on a newer file (rebase)
/// and described in the audit log. Apply with <see cref="PoolEditor.Apply"/>.
/// </summary>
public abstract record PoolEdit
{
    /// <summary>A short sentence for lists of pending changes and the audit log.</summary>
    public abstract string Describe();
}

/// <summary>Adds a pool. For xen, <see cref="Options"/> holds dir_path; a custom class may have any options.</summary>
public sealed record AddPool(string Name, string? Driver, string? Class, IReadOnlyList<KeyValuePair<string, string>> Options) : PoolEdit
{
    /// <summary>A xen pool at <paramref name="dirPath"/>.</summary>
    public static AddPool Xen(string name, string dirPath) => new(name, KnownDrivers.Xen, null, [new(KnownDrivers.DirPathKey, dirPath)]);

    /// <inheritdoc />
    public override string Describe() => $"Add pool {Name} ({Class ?? Driver})";
}

/// <summary>Sets options of an existing pool (others stay as they are).</summary>
public sealed record SetPoolOptions(string Name, IReadOnlyList<KeyValuePair<string, string>> Options) : PoolEdit
{
    /// <inheritdoc />
    public override string Describe() => $"Set {string.Join(", ", Options.Select(o => $"{o.Key}={o.Value}"))} in pool {Name}";
}

/// <summary>Removes one option of a pool.</summary>
public sealed record UnsetPoolOption(string Name, string Key) : PoolEdit
{
    /// <inheritdoc />
    public override string Describe() => $"Remove option {Key} from pool {Name}";
}

/// <summary>Removes a pool.</summary>
public sealed record RemovePool(string Name) : PoolEdit
{
    /// <inheritdoc />
    public override string Describe() => $"Remove pool {Name}";
}

/// <summary>Replaces the whole text (raw editor, or restoring an earlier version).</summary>
public sealed record ReplaceText(string Text, string Reason) : PoolEdit
{
    /// <inheritdoc />
    public override string Describe() => Reason;
}
