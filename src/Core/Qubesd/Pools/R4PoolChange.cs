namespace QubesPoolConsole.Core.Qubesd.Pools;

/// <summary>One staged change; make it with the factory for its kind.</summary>
/// <param name="Kind">What the change does.</param>
/// <param name="Pool">The pool added, set, removed or made a default; null for a reset.</param>
/// <param name="Add">For <see cref="R4ChangeKind.AddPool"/>: the request.</param>
/// <param name="Option">For a set: the pool option; for a default: the property.</param>
/// <param name="Value">For a pool-option set: the value.</param>
public sealed record R4PoolChange(R4ChangeKind Kind, string? Pool, R4PoolAddRequest? Add, string? Option, string? Value)
{
    /// <summary>Add a pool.</summary>
    public static R4PoolChange AddPool(R4PoolAddRequest request) => new(R4ChangeKind.AddPool, request.Name, request, null, null);

    /// <summary>Set revisions_to_keep or ephemeral_volatile of a pool.</summary>
    public static R4PoolChange SetPoolOption(string pool, string option, string value) => new(R4ChangeKind.SetPoolOption, pool, null, option, value);

    /// <summary>Remove a pool.</summary>
    public static R4PoolChange RemovePool(string pool) => new(R4ChangeKind.RemovePool, pool, null, null, null);

    /// <summary>Point a default_pool* property at a pool.</summary>
    public static R4PoolChange SetDefaultPool(string property, string pool) => new(R4ChangeKind.SetDefaultPool, pool, null, property, null);

    /// <summary>Reset a default_pool* property to its default.</summary>
    public static R4PoolChange ResetDefaultPool(string property) => new(R4ChangeKind.ResetDefaultPool, null, null, property, null);

    /// <summary>A short description for lists: "add pool ssd (file-reflink)".</summary>
    public override string ToString() => Kind switch
    {
        R4ChangeKind.AddPool => $"add pool {Pool} ({Add!.Driver})",
        R4ChangeKind.SetPoolOption => $"set {Option} of pool {Pool} to {Value}",
        R4ChangeKind.RemovePool => $"remove pool {Pool}",
        R4ChangeKind.SetDefaultPool => $"set {Option} to {Pool}",
        _ => $"reset {Option}",
    };
}
