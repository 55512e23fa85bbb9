namespace QubesPoolConsole.Core.Pools;

/// <summary>Drivers and classes Qubes R3.2 knows.</summary>
public static class KnownDrivers
{
    /// <summary>The only built-in driver name.</summary>
    public const string Xen = "xen";

    /// <summary>The class the xen driver resolves to; it loads with <c>class=</c>.</summary>
    public const string XenPoolClass = "qubes.storage.xen.XenPool";

    /// <summary>The class the R3.2 documentation shows; it does not load.</summary>
    public const string XenStorageClass = "qubes.storage.xen.XenStorage";

    /// <summary>The pool every fresh system has.</summary>
    public const string DefaultPool = "default";

    /// <summary>Where Qubes R3.2 puts the default pool when storage.conf does not say.</summary>
    public const string DefaultDirPath = "/var/lib/qubes/";

    /// <summary>The only driver-specific option of a xen pool.</summary>
    public const string DirPathKey = "dir_path";

    /// <summary>Option naming the driver.</summary>
    public const string DriverKey = "driver";

    /// <summary>Option naming a Python class (wins over driver).</summary>
    public const string ClassKey = "class";
}
