using System.Diagnostics;
using Xunit.Abstractions;

namespace QubesPoolConsole.Core.Tests.Qubesd.Backend;

public sealed class R4PoolReaderScaleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Read_ThirtyPoolsAndThreeHundredVolumes_CountsEveryVolumeInItsPool()
    {
        await using var q = new ScriptedQubesd();
        R4Installs.Lvm(q);
        var names = Enumerable.Range(0, 30).Select(i => $"p{i:00}").ToArray();
        q.PoolList(names);
        foreach (var n in names) q.Pool(n, $"dir_path=/srv/{n}\ndriver=file-reflink\nname={n}\nrevisions_to_keep=1\n", "data_size=100\ndata_usage=10\n");
        var vms = Enumerable.Range(0, 100).Select(i => $"vm{i:000}").ToArray();
        q.Ok("admin.vm.List+ dom0 name dom0", string.Concat(vms.Select(v => $"{v} class=AppVM state=Halted uuid=x\n")));
        for (int i = 0; i < vms.Length; i++)
            q.Vm(vms[i], "AppVM", ("private", names[i % 30]), ("volatile", names[i % 30]), ("root", names[(i + 1) % 30]));

        var clock = Stopwatch.StartNew();
        var view = await new R4PoolReader(q.Client).ReadAsync();
        output.WriteLine($"30 pools, 100 VMs, 300 volumes: {q.Requests.Count} calls in {clock.ElapsedMilliseconds} ms, at most {q.MaxOpenConnections} at once");

        Assert.True(view.IsLoaded);
        Assert.Empty(view.Problems);
        Assert.Equal(300, view.Rows.Sum(r => r.VolumeCount));
        Assert.Equal(300, view.State.Volumes.Count);
        // vm000..vm009 put private+volatile in p00 (i % 30 == 0 for 0, 30, 60, 90) and vm029, vm059, vm089 their root.
        Assert.Equal(4 * 2 + 3, view.Row("p00")!.VolumeCount);
        Assert.Equal(new R4Usage(3000, 300), view.Total);

        // With slow replies the calls overlap, but never beyond the client's bound.
        q.Delay = TimeSpan.FromMilliseconds(20);
        clock.Restart();
        var slow = await new R4PoolReader(q.Client).ReadAsync();
        output.WriteLine($"the same with 20 ms per reply: {clock.ElapsedMilliseconds} ms, at most {q.MaxOpenConnections} at once");
        Assert.Equal(300, slow.Rows.Sum(r => r.VolumeCount));
        Assert.InRange(q.MaxOpenConnections, 2, q.Client.Options.MaxParallelCalls);
    }
}
