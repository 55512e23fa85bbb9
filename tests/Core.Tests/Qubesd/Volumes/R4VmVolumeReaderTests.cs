using QubesPoolConsole.Core.Qubesd.Volumes;
using QubesPoolConsole.Core.Tests.Qubesd.Backend;
using QubesPoolConsole.Core.Tests.Qubesd.Sandbox;

namespace QubesPoolConsole.Core.Tests.Qubesd.Volumes;

/// <summary>
/// The VM volume reader over a scripted qubesd (the LVM install, changed per test) and over the sandbox, whose
/// seeded VMs give real pools, sizes and snapshot sources.
/// </summary>
public sealed class R4VmVolumeReaderTests
{
    [Fact]
    public async Task Read_VmListFails_SaysWhyAndListsNothing()
    {
        var listing = await ReadScriptedAsync(q => q.Raise("admin.vm.List+ dom0 name dom0", "QubesException", "qubesd is busy"));

        Assert.False(listing.IsLoaded);
        Assert.Empty(listing.Vms);
        Assert.StartsWith("The VM list could not be read: ", listing.Error);
    }

    [Fact]
    public async Task Read_GivesEveryVmWithItsClassAndVolumes_Dom0Included()
    {
        var listing = await ReadScriptedAsync(_ => { });

        Assert.True(listing.IsLoaded);
        Assert.Equal(["dom0", "fedora-42", "work"], listing.Vms.Select(v => v.Vm));
        Assert.Equal(["AdminVM", "TemplateVM", "AppVM"], listing.Vms.Select(v => v.Class));
        Assert.Empty(listing.Vms[0].Volumes);
        var work = listing.Vms[2];
        Assert.Equal(["root", "private", "volatile", "kernel"], work.Volumes.Select(v => v.Name));
        Assert.Equal(new R4VmVolume("kernel", "linux-kernel", "work/kernel", 1024, 10, null, null, true, null), work.Volumes[3]);
    }

    [Fact]
    public async Task Read_AVmWhoseVolumesFail_KeepsItsErrorAndTheOthersAreRead()
    {
        var listing = await ReadScriptedAsync(q =>
        {
            q.Raise("admin.vm.volume.List+ dom0 name work", "QubesVMNotFoundError", "No such domain: 'work'");
            q.Raise("admin.vm.volume.Info+private dom0 name fedora-42", "QubesException", "volume gone");
        });

        var work = Assert.Single(listing.Vms, v => v.Vm == "work");
        Assert.Empty(work.Volumes);
        Assert.StartsWith("The volumes of VM work could not be listed: ", work.Error);
        Assert.Contains("No such domain", work.Error);
        var template = Assert.Single(listing.Vms, v => v.Vm == "fedora-42");
        Assert.Null(template.Error);
        var failed = Assert.Single(template.Volumes, v => v.Error is not null);
        Assert.Equal("private", failed.Name);
        Assert.Contains("volume gone", failed.Error);
        Assert.Equal(3, template.Volumes.Count(v => v.Pool is not null));
    }

    [Fact]
    public async Task Read_OverTheSandbox_GivesPoolsSizesSourcesAndRw()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var client = new QubesdClient(new QubesdClientOptions { SocketPath = sandbox.Socket });

        var listing = await new R4VmVolumeReader(client).ReadAsync();

        Assert.All(listing.Vms, v => Assert.Null(v.Error));
        var vault = Assert.Single(listing.Vms, v => v.Vm == "vault");
        Assert.Equal("AppVM", vault.Class);
        var priv = Assert.Single(vault.Volumes, v => v.Name == "private");
        Assert.Equal(("varlibqubes", 2L << 30, 1L, true), (priv.Pool, priv.Size, priv.RevisionsToKeep, priv.Rw));
        var template = Assert.Single(listing.Vms, v => v.Vm == "fedora-42");
        Assert.Equal(template.Volumes.Single(v => v.Name == "root").Vid, vault.Volumes.Single(v => v.Name == "root").Source);
        Assert.False(vault.Volumes.Single(v => v.Name == "kernel").Rw);
    }

    // The LVM install (dom0, fedora-42, work) with dom0's empty volume list, then what the test scripts.
    private static async Task<R4VmVolumeListing> ReadScriptedAsync(Action<ScriptedQubesd> script)
    {
        await using var q = new ScriptedQubesd();
        R4Installs.Lvm(q);
        q.Ok("admin.vm.volume.List+ dom0 name dom0", "");
        script(q);
        return await new R4VmVolumeReader(q.Client).ReadAsync();
    }
}
