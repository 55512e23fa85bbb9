namespace QubesPoolConsole.Core.Qubesd.Wire;

/// <summary>
/// One line of <c>admin.pool.ListDrivers</c>: a storage driver and its parameter names. qubesd does not say which
/// parameters are required, nor their types or defaults.
/// </summary>
/// <param name="Name">The driver, e.g. <c>file-reflink</c>.</param>
/// <param name="Parameters">The option names in the order qubesd listed them.</param>
public sealed record QubesdDriver(string Name, IReadOnlyList<string> Parameters)
{
    /// <inheritdoc/>
    public override string ToString() => Parameters.Count == 0 ? Name : $"{Name} {string.Join(' ', Parameters)}";
}
