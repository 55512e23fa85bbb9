namespace QubesPoolConsole.Core.Qubesd.Pools;

/// <summary>
/// What qubesd will cause for each change besides the pool table, read from the drivers' setup() and the
/// property code of core-admin release4.3 (the same in release4.2 unless noted). Sentences for the review.
/// </summary>
public static class R4SideEffects
{
    /// <summary>The side effects of adding <paramref name="pool"/> (the config qubesd will hold) with the options <paramref name="sent"/>.</summary>
    public static IReadOnlyList<string> OfAdd(R4Pool pool, IReadOnlyList<KeyValuePair<string, string>> sent, R4PoolState before)
    {
        var effects = new List<string>();
        string Opt(string k) => pool.Options.TryGetValue(k, out var v) ? v : sent.FirstOrDefault(o => o.Key == k).Value ?? "";
        var dir = Opt(R4DriverTable.DirPath);
        const string NoParents = "qubesd creates no parent directories: if the parent is missing it gives an empty reply and adds nothing";
        switch (pool.Driver)
        {
            case "file":
                effects.Add($"qubesd creates the directory {dir} if it is missing, then {dir}/appvms and {dir}/vm-templates; {NoParents}.");
                effects.Add($"Size and usage will be those of the whole file system holding {dir}.");
                break;
            case "file-reflink":
                effects.Add($"qubesd creates the directory {dir} if it is missing; {NoParents}.");
                if (sent.Any(o => o.Key == "setup_check" && o.Value == "False"))
                {
                    effects.Add("No reflink test (setup_check=False, which qubes.xml does not keep): on a file system without reflinks, every VM start will copy whole volume files.");
                }
                else
                {
                    effects.Add($"It then tests reflinks by cloning a temporary file in {dir} (FICLONE). If the file system cannot (ext4, for example), qubesd removes {dir} again if it created it and refuses: 'The filesystem for '{dir}' does not support reflinks…'; nothing is added.");
                }
                effects.Add($"Then it creates {dir}/appvms and {dir}/vm-templates.");
                effects.Add($"Size and usage will be those of the whole file system holding {dir}.");
                break;
            case "lvm_thin":
                var tp = $"{Opt("volume_group")}/{Opt("thin_pool")}";
                effects.Add($"qubesd creates nothing: it runs lvs and checks that {tp} exists and is a thin pool, refusing with 'Thin pool {tp} does not exist' or 'Volume {tp} is not a thin pool'. Create the thin pool beforehand (lvcreate --type thin-pool).");
                break;
            case "zfs":
                var c = Opt("container");
                effects.Add("qubesd checks that the zfs and zpool commands exist in dom0, refusing with 'ZFS is not available on this system'.");
                effects.Add($"If the dataset {c} does not exist, qubesd runs: {ShellWords.Join(["zfs", "create", "-o", "mountpoint=none", "-o", "volmode=dev", "-o", "org.qubes-os:part-of-qvm-pool=true", "-p", c])} (missing parent datasets are created too).");
                effects.Add($"If it exists without the Qubes flag, qubesd runs: {ShellWords.Join(["zfs", "set", "org.qubes-os:part-of-qvm-pool=true", "volmode=dev", c])}.");
                break;
            case "linux-kernel":
                effects.Add($"qubesd creates and checks nothing: {dir} should hold one directory per kernel version, as /var/lib/qubes/vm-kernels does.");
                break;
            case "callback":
                effects.Add($"qubesd reads /etc/qubes_callback.json (if it is missing, an empty reply) and its entry '{Opt("conf_id")}', which names the backing driver; it runs that entry's pre_setup command, if any, then the backing driver's own setup, with that driver's side effects.");
                break;
            default:
                effects.Add($"The console does not know what the {pool.Driver} driver's setup does; it may create or change storage.");
                break;
        }
        if (before.Defaults.AfterAdd(pool.Name) != before.Defaults)
        {
            effects.Add("default_pool is not set explicitly and this pool is named 'default', so qubesd will use it for new VMs' volumes from now on.");
        }
        effects.Add("qubesd saves the new pool in qubes.xml.");
        return effects;
    }

    /// <summary>The side effects of setting <paramref name="option"/> of <paramref name="pool"/> to <paramref name="value"/>.</summary>
    public static IReadOnlyList<string> OfSet(string pool, string option, string value, R4PoolState before)
    {
        var volumes = before.VolumesIn(pool).ToList();
        if (option == R4DriverTable.RevisionsToKeep)
        {
            var what = value == "-1" ? "-1 turns snapshots off" : $"revisions_to_keep={value}";
            return [$"Affects only volumes created later ({what} for them): the {Plural(volumes.Count, "existing volume")} in {pool} keep their own revisions_to_keep (change one with qvm-volume config VM:VOLUME revisions_to_keep N)."];
        }
        var vms = volumes.Where(v => v.Volume == "volatile").Select(v => v.Vm).Distinct().Count();
        var how = value == "True" ? "are encrypted with a key thrown away when the VM stops" : "are no longer encrypted with a throw-away key";
        return [$"From each VM's next start, volatile volumes in {pool} without an ephemeral setting of their own {how}; running VMs keep their current volatile volume until they stop ({Plural(vms, "VM")} with a volatile volume in {pool})."];
    }

    /// <summary>The side effects of removing <paramref name="pool"/>.</summary>
    public static IReadOnlyList<string> OfRemove(R4Pool pool, R4PoolState before)
    {
        var driver = before.DriverOf(pool);
        var where = driver.KeyText(pool.Config) is { } key ? $" ({key})" : "";
        var effects = new List<string>
        {
            $"qubesd removes the pool only from qubes.xml: no data is deleted; the storage it used{where} stays as it is.",
        };
        if (pool.Driver == "zfs")
        {
            effects.Add("Before core-admin 4.2.39 (R4.2) and 4.3.30 (R4.3), removing a zfs pool destroyed its dataset (qubes-issues#9856): check rpm -q qubes-core-dom0 first.");
        }
        return effects;
    }

    /// <summary>The side effects of pointing <paramref name="property"/> at <paramref name="pool"/>.</summary>
    public static IReadOnlyList<string> OfSetDefault(string property, string pool, R4PoolState before)
    {
        if (property != R4DefaultPools.DefaultPool)
        {
            return [$"New VMs created without a pool of their own get their {Volume(property)} volumes from {pool}; existing volumes stay where they are."];
        }
        var followers = before.Defaults.All.Where(d => d.Property != property && d.IsDefault).Select(d => Volume(d.Property)).ToList();
        if (followers.Count == 0)
        {
            return ["Every default_pool_* property is set on its own, so this changes no new VM's volumes until one of them is reset; existing volumes stay where they are."];
        }
        return [$"New VMs created without a pool of their own get their {string.Join(", ", followers)} volumes from {pool} (those default_pool_* follow default_pool); existing volumes stay where they are."];
    }

    /// <summary>The side effects of resetting <paramref name="property"/>.</summary>
    public static IReadOnlyList<string> OfReset(string property, R4PoolState before)
    {
        var after = before.Defaults.Reset(property, before.Pools)[property].Value;
        var now = after is null ? "the console cannot tell which it is here" : $"here {after}";
        if (property == R4DefaultPools.DefaultPool)
        {
            return [$"default_pool goes back to qubesd's own choice: a pool named 'default', else the LVM thin pool holding dom0's root, else a file pool at /var/lib/qubes ({now}); properties following it move with it. Existing volumes stay where they are."];
        }
        return [$"{property} follows default_pool again ({now}); existing volumes stay where they are."];
    }

    private static string Volume(string property) => property["default_pool_".Length..];

    private static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
