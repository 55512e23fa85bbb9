using QubesPoolConsole.Core.Qubesd.Volumes;
using QubesPoolConsole.Core.Tests.Qubesd.Backend;
using QubesPoolConsole.Core.Tests.Qubesd.Sandbox;

namespace QubesPoolConsole.Core.Tests.Qubesd.Volumes;

/// <summary>The pool volume reader over a scripted qubesd and over the sandbox.</summary>
public sealed class R4PoolVolumeReaderTests
{
    [Fact]
    public async Task Read_GivesThePoolsVmVolumesAndTheOnesNoVmOwns()
    {
        await using var q = new ScriptedQubesd();
        R4Installs.Lvm(q);
        q.Ok("admin.pool.volume.List+vm-pool dom0 name dom0", "work/root\nwork/private\nwork/volatile\nfedora-42/root\nfedora-42/private\nfedora-42/volatile\norphan/private\n");

        var volumes = await new R4PoolVolumeReader(q.Client).ReadAsync("vm-pool");

        Assert.Empty(volumes.Problems);
        Assert.Equal(6, volumes.OwnedCount);
        Assert.All(volumes.Rows.Where(r => r.Vm is not null), r => Assert.Null(r.Error));
        Assert.DoesNotContain(volumes.Rows, r => r.Volume == "kernel");
        var orphan = Assert.Single(volumes.Rows, r => r.IsUnowned);
        Assert.Equal("orphan/private", orphan.Vid);
        Assert.Equal(6 * 1024, volumes.TotalSize);
        Assert.Equal(6 * 10, volumes.TotalUsage);
    }

    [Fact]
    public async Task Read_AVmWhoseVolumesFail_KeepsItsErrorInItsOwnRow()
    {
        await using var q = new ScriptedQubesd();
        R4Installs.Lvm(q);
        q.Raise("admin.vm.volume.List+ dom0 name work", "QubesVMNotFoundError", "No such domain: 'work'");

        var volumes = await new R4PoolVolumeReader(q.Client).ReadAsync("vm-pool");

        var failed = Assert.Single(volumes.Rows, r => r.Error is not null);
        Assert.Equal("work", failed.Vm);
        Assert.Contains("No such domain", failed.Error);
        Assert.Equal(3, volumes.OwnedCount);
        // The pool's own list was not scripted: that is a problem of the read, not of a row.
        Assert.Single(volumes.Problems);
    }

    [Fact]
    public async Task Read_OverTheSandbox_GivesSizesRevisionsAndSnapshotSources_AndAgreesWithThePoolsCount()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var client = new QubesdClient(new QubesdClientOptions { SocketPath = sandbox.Socket });

        var volumes = await new R4PoolVolumeReader(client).ReadAsync("varlibqubes");
        var pools = await new R4PoolReader(client).ReadAsync();

        Assert.Empty(volumes.Problems);
        Assert.DoesNotContain(volumes.Rows, r => r.Error is not null || r.IsUnowned);
        var vault = Assert.Single(volumes.Rows, r => r is { Vm: "vault", Volume: "private" });
        Assert.Equal(1, vault.RevisionsToKeep);
        Assert.Equal(2L << 30, vault.Size);
        Assert.Equal(pools.Row("varlibqubes")!.VolumeCount, volumes.OwnedCount);
        // Without LVM the template lives here too, and each AppVM's root is a snapshot of the template's.
        if (pools.Row("vm-pool") is null)
        {
            var templateRoot = Assert.Single(volumes.Rows, r => r is { Vm: "fedora-42", Volume: "root" });
            Assert.Equal(templateRoot.Vid, Assert.Single(volumes.Rows, r => r is { Vm: "work", Volume: "root" }).Source);
        }
    }
}
