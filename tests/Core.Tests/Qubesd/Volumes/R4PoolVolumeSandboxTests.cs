using QubesPoolConsole.Core.Qubesd.Backend;
using QubesPoolConsole.Core.Qubesd.Volumes;
using QubesPoolConsole.Core.Qubesd.Wire;
using QubesPoolConsole.Core.Tests.Qubesd.Sandbox;

namespace QubesPoolConsole.Core.Tests.Qubesd.Volumes;

public sealed class R4PoolVolumeSandboxTests
{
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
