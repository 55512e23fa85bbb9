namespace QubesPoolConsole.Core.Qubesd.Sandbox;

internal sealed partial class AdminApi
{
    private static readonly string[] VolumeInfoKeys =
        ["pool", "vid", "size", "usage", "rw", "source", "path", "save_on_stop", "snap_on_start", "revisions_to_keep", "ephemeral"];

    private void RegisterVmMethods()
    {
        Register("admin.vm.List", true, c =>
        {
            QubesdRefusal.Enforce(c.Arg.Length == 0, "argument given");
            var domains = c.DestIsDom0 ? _state.Domains : [c.Dest];
            // dom0 sorts first, the others by name (AdminVM.__lt__, BaseVM.__lt__).
            var sorted = domains.OrderBy(vm => vm.Class == "AdminVM" ? 0 : 1).ThenBy(vm => vm.Name, StringComparer.Ordinal);
            return Lines(sorted.Select(vm => _env.IsR42
                ? $"{vm.Name} class={vm.Class} state={vm.PowerState}"
                : $"{vm.Name} class={vm.Class} state={vm.PowerState} uuid={vm.Uuid}"));
        });
        Register("admin.vm.volume.List", true, c =>
        {
            QubesdRefusal.Enforce(c.Arg.Length == 0, "argument given");
            return Lines(c.Dest.Volumes.Select(v => v.Name));
        });
        Register("admin.vm.volume.Info", true, c =>
        {
            var volume = c.Dest.Volumes.FirstOrDefault(v => v.Name == c.Arg);
            QubesdRefusal.Enforce(volume is not null, "no such volume");
            var values = VolumeInfo(volume!);
            return string.Concat(VolumeInfoKeys.Select(k => $"{k}={values[k]}\n")) + "is_outdated=False\n";
        });
    }

    private Dictionary<string, string> VolumeInfo(SandboxVolume v)
    {
        var pool = _state.FindPool(v.Pool);
        bool volatileType = v.Rw && !v.SaveOnStop && !v.SnapOnStart;
        // Volume.ephemeral: an explicit value, else the pool's ephemeral_volatile for a volatile volume.
        string ephemeral = v.Ephemeral is { } e ? PyValues.Str(e) : volatileType && pool is not null ? pool.EphemeralVolatile : "False";
        return new Dictionary<string, string>
        {
            ["pool"] = v.Pool,
            ["vid"] = v.Vid,
            ["size"] = v.Size.ToString(),
            // The stand-in writes no data into its sparse images: every volume uses 0 bytes.
            ["usage"] = "0",
            ["rw"] = PyValues.Str(v.Rw),
            ["source"] = v.Source ?? "",
            ["path"] = VolumePath(pool, v),
            ["save_on_stop"] = PyValues.Str(v.SaveOnStop),
            ["snap_on_start"] = PyValues.Str(v.SnapOnStart),
            ["revisions_to_keep"] = v.RevisionsToKeep,
            ["ephemeral"] = ephemeral,
        };
    }

    private static string VolumePath(SandboxPool? pool, SandboxVolume v) => pool switch
    {
        SandboxFilePool or SandboxReflinkPool => Path.Combine(pool.DirPath!, (v.SnapOnStart && v.Source is { } s ? s : v.Vid) + ".img"),
        SandboxLinuxKernelPool => Path.Combine(pool.DirPath!, v.Vid, "modules.img"),
        SandboxLvmThinPool => "/dev/" + v.Vid + (v.SnapOnStart ? "-snap" : ""),
        SandboxZfsPool => "/dev/zvol/" + v.Vid,
        _ => "",
    };
}
