namespace QubesPoolConsole.Core.Tests.Qubesd.Backend;

/// <summary>Scripted qubesd states for the backend tests.</summary>
internal static class R4Installs
{
    public const string ListDrivers =
        "file revisions_to_keep dir_path ephemeral_volatile\n" +
        "file-reflink revisions_to_keep dir_path setup_check ephemeral_volatile\n" +
        "linux-kernel dir_path\n" +
        "lvm_thin revisions_to_keep volume_group thin_pool ephemeral_volatile\n";

    /// <summary>
    /// An R4.3 LVM install: varlibqubes (50 % full), linux-kernel (included in varlibqubes), vm-pool (data 92 %,
    /// metadata 96 %); default_pool=vm-pool set, default_pool_kernel=linux-kernel, the rest following; VMs work and
    /// fedora-42 with volumes in vm-pool and linux-kernel.
    /// </summary>
    public static void Lvm(ScriptedQubesd q, bool uuid = true)
    {
        q.PoolList("varlibqubes", "linux-kernel", "vm-pool");
        q.Pool("varlibqubes", "dir_path=/var/lib/qubes\ndriver=file\nephemeral_volatile=False\nname=varlibqubes\nrevisions_to_keep=1\nsize=1000\nusage=500\n",
            "data_size=1000\ndata_usage=500\n");
        q.Pool("linux-kernel", "dir_path=/var/lib/qubes/vm-kernels\ndriver=linux-kernel\nname=linux-kernel\nincluded_in=varlibqubes\n");
        q.Pool("vm-pool", "driver=lvm_thin\nephemeral_volatile=False\nname=vm-pool\nrevisions_to_keep=2\nthin_pool=vm-pool\nvolume_group=qubes_dom0\nsize=1000\nusage=920\n",
            "data_size=1000\ndata_usage=920\nmetadata_size=100\nmetadata_usage=96\n");
        q.Ok("admin.pool.ListDrivers+ dom0 name dom0", ListDrivers);
        q.Property("default_pool", false, "vm-pool");
        q.Property("default_pool_kernel", false, "linux-kernel");
        q.Property("default_pool_private", true, "vm-pool");
        q.Property("default_pool_root", true, "vm-pool");
        q.Property("default_pool_volatile", true, "vm-pool");
        var u = uuid ? " uuid=00000000-0000-0000-0000-00000000000{0}" : "";
        q.Ok("admin.vm.List+ dom0 name dom0",
            $"dom0 class=AdminVM state=Running{string.Format(u, 0)}\nfedora-42 class=TemplateVM state=Halted{string.Format(u, 1)}\nwork class=AppVM state=Halted{string.Format(u, 2)}\n");
        q.Vm("fedora-42", "TemplateVM", ("root", "vm-pool"), ("private", "vm-pool"), ("volatile", "vm-pool"), ("kernel", "linux-kernel"));
        q.Vm("work", "AppVM", ("root", "vm-pool"), ("private", "vm-pool"), ("volatile", "vm-pool"), ("kernel", "linux-kernel"));
    }
}
