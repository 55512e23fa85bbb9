namespace QubesPoolConsole.Core.Qubesd.Sandbox;

/// <summary>
/// A fresh stand-in looks like a default R4.x LVM install after a few weeks: pools varlibqubes (file-reflink when
/// the data folder's file system passes the reflink probe, else file — as <c>load_initial_values</c> chooses),
/// linux-kernel and the lvm_thin vm-pool (the default pool); a template and AppVMs in vm-pool, and one AppVM whose
/// private and volatile volumes live in varlibqubes (sparse images on disk).
/// </summary>
internal static class SandboxSeed
{
    public const string KernelVersion = "6.12.0-1.fc41";
    public const string Template = "fedora-42";
    private const long Gib = 1L << 30;

    public static SandboxState Initial(SandboxEnvironment env, bool withVms)
    {
        var state = new SandboxState();
        string[] labels = ["0xcc0000 red", "0xf57900 orange", "0xedd400 yellow", "0x73d216 green", "0x555555 gray",
            "0x3465a4 blue", "0x75507b purple", "0x000000 black"];
        for (int i = 0; i < labels.Length; i++)
        {
            var parts = labels[i].Split(' ');
            state.Labels.Add(($"label-{i + 1}", parts[0], parts[1]));
        }

        var kernels = Path.Combine(env.BaseDir, "vm-kernels");
        var kernelDir = Path.Combine(kernels, KernelVersion);
        Directory.CreateDirectory(kernelDir);
        foreach (var f in new[] { "vmlinuz", "initramfs", "modules.img" }) File.AppendAllText(Path.Combine(kernelDir, f), "");

        bool reflink = ReflinkProbe.IsSupported(env.BaseDir);
        state.Pools.Add(reflink
            ? new SandboxReflinkPool(env, "varlibqubes", "1", env.BaseDir, "False", "False")
            : new SandboxFilePool(env, "varlibqubes", "1", env.BaseDir, "False"));
        state.Pools.Add(new SandboxLinuxKernelPool(env, "linux-kernel", kernels));
        foreach (var pool in state.Pools) pool.Setup();
        state.SetProperty("default_pool_kernel", "linux-kernel");
        state.Domains.Add(new SandboxVm { Name = "dom0", Class = "AdminVM", Uuid = Guid.Empty, Label = "black" });
        if (!withVms) return state;

        if (env.FindLv("qubes_dom0", "vm-pool") is not null)
        {
            state.Pools.Add(new SandboxLvmThinPool(env, "vm-pool", "2", "qubes_dom0", "vm-pool", "False"));
            state.SetProperty("default_pool", "vm-pool");
        }
        else
        {
            state.SetProperty("default_pool", "varlibqubes");
        }
        var main = state.ExplicitProperty("default_pool")!;
        string Vid(string pool, SandboxVm vmKind, string vm, string vol) => pool == "vm-pool"
            ? $"qubes_dom0/vm-{vm}-{vol}"
            : $"{(vmKind.Class == "TemplateVM" ? "vm-templates" : "appvms")}/{vm}/{vol}";

        var template = new SandboxVm { Name = Template, Class = "TemplateVM", Qid = 1, Uuid = Guid.NewGuid(), Label = "black" };
        template.Volumes.AddRange(
        [
            new SandboxVolume { Name = "root", Pool = main, Vid = Vid(main, template, Template, "root"), RevisionsToKeep = "2",
                Rw = true, SaveOnStop = true, Size = 20 * Gib },
            new SandboxVolume { Name = "private", Pool = main, Vid = Vid(main, template, Template, "private"), RevisionsToKeep = "2",
                Rw = true, SaveOnStop = true, Size = 2 * Gib },
            Volatile(main, Vid(main, template, Template, "volatile")),
            Kernel(),
        ]);
        state.Domains.Add(template);

        (string Name, string Label, string PrivatePool)[] appVms =
            [("work", "blue", main), ("personal", "yellow", main), ("sys-net", "red", main), ("vault", "black", "varlibqubes")];
        int qid = 2;
        foreach (var (name, label, privatePool) in appVms)
        {
            var vm = new SandboxVm { Name = name, Class = "AppVM", Qid = qid++, Uuid = Guid.NewGuid(), Label = label, Template = Template };
            string rtk = privatePool == "vm-pool" ? "2" : "1";
            vm.Volumes.AddRange(
            [
                // An AppVM's root is a snapshot of its template's and stays in the template's pool.
                new SandboxVolume { Name = "root", Pool = main, Vid = Vid(main, vm, name, "root"), Rw = true, SnapOnStart = true,
                    Size = 20 * Gib, Source = template.Volumes[0].Vid },
                new SandboxVolume { Name = "private", Pool = privatePool, Vid = Vid(privatePool, vm, name, "private"),
                    RevisionsToKeep = rtk, Rw = true, SaveOnStop = true, Size = 2 * Gib },
                Volatile(privatePool, Vid(privatePool, vm, name, "volatile")),
                Kernel(),
            ]);
            state.Domains.Add(vm);
        }

        // The file pool's volumes exist as sparse images, as `qvm-create` leaves them.
        foreach (var v in state.Domains.SelectMany(d => d.Volumes).Where(v => v.Pool == "varlibqubes" && !v.SnapOnStart))
        {
            var img = Path.Combine(env.BaseDir, v.Vid + ".img");
            Directory.CreateDirectory(Path.GetDirectoryName(img)!);
            using var fs = new FileStream(img, FileMode.OpenOrCreate, FileAccess.Write);
            fs.SetLength(v.Size);
        }
        return state;
    }

    private static SandboxVolume Volatile(string pool, string vid)
        => new() { Name = "volatile", Pool = pool, Vid = vid, Rw = true, Size = 10 * Gib };

    private static SandboxVolume Kernel()
        => new() { Name = "kernel", Pool = "linux-kernel", Vid = KernelVersion };
}
