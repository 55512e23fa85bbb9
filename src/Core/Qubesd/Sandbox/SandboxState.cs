namespace QubesPoolConsole.Core.Qubesd.Sandbox;

/// <summary>
/// The app qubesd holds in memory: pools in qubes.xml order, the explicitly set global properties, the domains.
/// Only the call dispatcher touches it, one call at a time (qubesd runs its handlers on one event loop).
/// </summary>
internal sealed class SandboxState
{
    /// <summary>The five pool properties, in the order <c>remove_pool</c> checks them.</summary>
    public static readonly string[] PoolProperties =
        ["default_pool", "default_pool_kernel", "default_pool_private", "default_pool_root", "default_pool_volatile"];

    public List<SandboxPool> Pools { get; } = [];

    /// <summary>Global properties set explicitly (qubes.xml's <c>&lt;properties&gt;</c>), in insertion order.</summary>
    public List<KeyValuePair<string, string>> Properties { get; } = [];

    public List<SandboxVm> Domains { get; } = [];

    /// <summary>Labels kept from qubes.xml so that saving does not lose them.</summary>
    public List<(string Id, string Color, string Name)> Labels { get; } = [];

    public SandboxPool? FindPool(string name) => Pools.FirstOrDefault(p => p.Name == name);

    public SandboxVm? FindVm(string name) => Domains.FirstOrDefault(vm => vm.Name == name);

    public string? ExplicitProperty(string name)
        => Properties.FirstOrDefault(p => p.Key == name) is { Key: not null } kv ? kv.Value : null;

    public void SetProperty(string name, string value)
    {
        int i = Properties.FindIndex(p => p.Key == name);
        if (i >= 0) Properties[i] = new(name, value);
        else Properties.Add(new(name, value));
    }

    public bool ResetProperty(string name) => Properties.RemoveAll(p => p.Key == name) > 0;

    /// <summary>
    /// The value of a <c>default_pool*</c> property, explicit or computed (<c>_default_pool</c>: a pool named
    /// "default", else a file or file-reflink pool whose dir_path is the base folder); null for AttributeError.
    /// </summary>
    public SandboxPool? EffectivePool(string property, string baseDir)
    {
        if (ExplicitProperty(property) is { } set) return FindPool(set);
        if (property != "default_pool") return EffectivePool("default_pool", baseDir);
        return ComputedDefaultPool(baseDir);
    }

    /// <summary><c>_default_pool(app)</c>, the value default_pool has when it is not set.</summary>
    public SandboxPool? ComputedDefaultPool(string baseDir)
    {
        if (FindPool("default") is { } named) return named;
        // DEFAULT_LVM_POOL and the thin pool backing "/" do not exist off Qubes; the file pools come next.
        return Pools.FirstOrDefault(p => p.Driver is "file" or "file-reflink"
            && p.Config.First(kv => kv.Key == "dir_path").Value == baseDir);
    }
}
