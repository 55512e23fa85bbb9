namespace QubesPoolConsole.Core.Qubesd.Sandbox;

/// <summary>
/// The <c>qubes.storage</c> entry points of R4.2 and R4.3 (alphabetical, as qubesd lists them) with their
/// <c>__init__</c> parameters in signature order, and the constructor call <c>_get_pool</c> makes.
/// </summary>
internal static class SandboxDrivers
{
    /// <summary>Driver name → (parameter, required) in signature order, without self, name and kwargs.</summary>
    public static readonly IReadOnlyList<(string Driver, (string Name, bool Required)[] Parameters)> All =
    [
        ("callback", [("conf_id", true)]),
        ("file", [("revisions_to_keep", false), ("dir_path", true), ("ephemeral_volatile", false)]),
        ("file-reflink", [("revisions_to_keep", false), ("dir_path", true), ("setup_check", false), ("ephemeral_volatile", false)]),
        ("linux-kernel", [("dir_path", true)]),
        ("lvm_thin", [("revisions_to_keep", false), ("volume_group", true), ("thin_pool", true), ("ephemeral_volatile", false)]),
        ("zfs", [("revisions_to_keep", false), ("container", true), ("ephemeral_volatile", false), ("snap_on_start_forensics", false)]),
    ];

    public static (string Name, bool Required)[]? Parameters(string driver)
        => All.FirstOrDefault(d => d.Driver == driver).Parameters;

    /// <summary>
    /// <c>klass(name=…, **kwargs)</c>: an unknown or missing keyword is Python's TypeError and a bad literal a ValueError
    /// (both unhandled in qubesd: empty reply); a bad boolean flag is a QubesValueError.
    /// </summary>
    public static SandboxPool Create(SandboxEnvironment env, string driver, string name, IReadOnlyDictionary<string, string> kwargs)
    {
        var parameters = Parameters(driver) ?? throw QubesdRefusal.Qubes("QubesException", $"No driver {driver} for pool {name}");
        foreach (var key in kwargs.Keys)
        {
            if (parameters.All(p => p.Name != key)) throw QubesdRefusal.Empty($"TypeError: unexpected keyword argument '{key}'");
        }
        foreach (var p in parameters)
        {
            if (p.Required && !kwargs.ContainsKey(p.Name)) throw QubesdRefusal.Empty($"TypeError: missing keyword argument '{p.Name}'");
        }
        string Get(string key, string fallback) => kwargs.TryGetValue(key, out var v) ? v : fallback;
        if (name.Length == 0) throw QubesdRefusal.Empty("AssertionError: Name needs to be an non empty string");
        return driver switch
        {
            "file" => new SandboxFilePool(env, name, Get("revisions_to_keep", "1"), kwargs["dir_path"], Get("ephemeral_volatile", "False")),
            "file-reflink" => new SandboxReflinkPool(env, name, Get("revisions_to_keep", "1"), kwargs["dir_path"],
                Get("setup_check", "True"), Get("ephemeral_volatile", "False")),
            "linux-kernel" => new SandboxLinuxKernelPool(env, name, kwargs["dir_path"]),
            "lvm_thin" => new SandboxLvmThinPool(env, name, Get("revisions_to_keep", "1"), kwargs["volume_group"],
                kwargs["thin_pool"], Get("ephemeral_volatile", "False")),
            "zfs" => new SandboxZfsPool(env, name, Get("revisions_to_keep", "1"), kwargs["container"],
                Get("ephemeral_volatile", "False"), Get("snap_on_start_forensics", "False")),
            // CallbackPool opens /etc/qubes_callback.json, which the stand-in never has: FileNotFoundError, unhandled.
            _ => throw QubesdRefusal.Empty("FileNotFoundError: /etc/qubes_callback.json"),
        };
    }
}
