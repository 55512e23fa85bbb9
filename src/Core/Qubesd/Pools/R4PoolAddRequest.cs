namespace QubesPoolConsole.Core.Qubesd.Pools;

/// <summary>A request to add a pool, as a person entered it (options in their order, repeats kept so they can be reported).</summary>
/// <param name="Name">The new pool's name.</param>
/// <param name="Driver">The driver name.</param>
/// <param name="Options">The options given, <c>key=value</c>; defaults left out are filled by the driver.</param>
public sealed record R4PoolAddRequest(string Name, string Driver, IReadOnlyList<KeyValuePair<string, string>> Options)
{
    /// <summary>Makes a request from <c>(key, value)</c> pairs.</summary>
    public static R4PoolAddRequest Of(string name, string driver, params (string Key, string Value)[] options)
        => new(name, driver, [.. options.Select(o => KeyValuePair.Create(o.Key, o.Value))]);
}
