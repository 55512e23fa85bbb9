using QubesPoolConsole.Core.Qubesd.Volumes;

namespace QubesPoolConsole.Server.Cli;

/// <summary>The plain-text table of <c>vms</c>.</summary>
public static class R4VmsText
{
    /// <summary>
    /// One row per volume: VM, CLASS, VOLUME, POOL, SIZE, USAGE (the VM on every row, for grep). A VM without
    /// volumes gets one row of dashes; a VM or volume that could not be read gets "error: …" (qubesd's words) last.
    /// </summary>
    public static string Table(R4VmVolumeListing listing)
    {
        var rows = new List<string[]> { new[] { "VM", "CLASS", "VOLUME", "POOL", "SIZE", "USAGE", "" } };
        foreach (var vm in listing.Vms)
        {
            var name = PoolsText.OneLine(vm.Vm);
            var cls = PoolsText.OneLine(vm.Class ?? "?");
            if (vm.Error is not null || vm.Volumes.Count == 0)
            {
                rows.Add([name, cls, "-", "-", "-", "-", vm.Error is { } e ? "error: " + PoolsText.OneLine(e) : ""]);
                continue;
            }
            foreach (var v in vm.Volumes)
            {
                rows.Add([name, cls, PoolsText.OneLine(v.Name), PoolsText.OneLine(v.Pool ?? "-"), R4PoolsText.Bytes(v.Size), R4PoolsText.Bytes(v.Usage),
                    v.Error is { } e ? "error: " + PoolsText.OneLine(e) : ""]);
            }
        }
        return TextTable.Render(rows, new HashSet<int> { 4, 5 });
    }
}
