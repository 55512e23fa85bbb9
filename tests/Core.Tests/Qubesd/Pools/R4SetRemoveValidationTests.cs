using static QubesPoolConsole.Core.Qubesd.Pools.R4Codes;

namespace QubesPoolConsole.Core.Tests.Qubesd.Pools;

/// <summary>Set, remove and default-pool checks (api/admin.py pool_set_*, app.py remove_pool and _setter_pool).</summary>
public class R4SetRemoveValidationTests
{
    private static R4PoolState State(R4Release release = R4Release.R4_3)
    {
        var s = R4Fixtures.State(release);
        return s with { Pools = s.Pools.With(R4Fixtures.Pool("cb", "callback", ("conf_id", "tmp"))).With(R4Fixtures.Pool("z", "zfs", ("container", "tank/q"), ("revisions_to_keep", "1"), ("ephemeral_volatile", "False"), ("snap_on_start_forensics", "False"))) };
    }

    public static TheoryData<string, string, string, string, string> SetErrors() => new()
    {
        // code, pool, option, value, words
        { PoolNotFound, "nope", "revisions_to_keep", "1", "no pool named 'nope'|empty reply" },
        { SetNotSupported, "spare", "dir_path", "/srv/x", "Setting option dir_path is not supported for pool spare|only revisions_to_keep and ephemeral_volatile|remove the pool" },
        { SetNotSupported, "z", "snap_on_start_forensics", "True", "not supported" },
        { SetNotSupported, "linux-kernel", "revisions_to_keep", "1", "LinuxKernel supports only revisions_to_keep=0" },
        { SetNotSupported, "linux-kernel", "ephemeral_volatile", "True", "does not save ephemeral_volatile" },
        { SetNotSupported, "cb", "revisions_to_keep", "2", "bdriver_args|lost at qubesd's next start" },
        { NotRevisions, "vm-pool", "revisions_to_keep", "+3", "'+3'|digits only" },
        { NotRevisions, "vm-pool", "revisions_to_keep", " 3", "digits only" },
        { NotRevisions, "vm-pool", "revisions_to_keep", "007", "no leading zero" },
        { NotBoolean, "vm-pool", "ephemeral_volatile", "enabled", "not a boolean" },
        { RevisionsAboveLimit, "varlibqubes", "revisions_to_keep", "2", "at most 1 revision" },
        { NotAscii, "vm-pool", "ephemeral_volatile", "trüe", "non-ASCII" },
    };

    [Theory]
    [MemberData(nameof(SetErrors))]
    public void Set_RefusedAsQubesdWould(string code, string pool, string option, string value, string words)
    {
        var finding = Assert.Single(R4PoolValidator.ValidateSet(pool, option, value, State()), f => f.IsError);
        Assert.Equal(code, finding.Code);
        Assert.Equal(pool, finding.Pool);
        Assert.Equal(option, finding.Option);
        foreach (var w in words.Split('|')) Assert.Contains(w, finding.Message);
    }

    [Fact]
    public void Set_MinusOne_OnlyOnR43()
    {
        Assert.Empty(R4PoolValidator.ValidateSet("vm-pool", "revisions_to_keep", "-1", State(R4Release.R4_3)));
        Assert.Equal(RevisionsNegativeR42, Assert.Single(R4PoolValidator.ValidateSet("vm-pool", "revisions_to_keep", "-1", State(R4Release.R4_2))).Code);
    }

    [Fact]
    public void Set_SameValue_Warns()
    {
        var f = Assert.Single(R4PoolValidator.ValidateSet("vm-pool", "revisions_to_keep", "2", State()));
        Assert.Equal(SetUnchanged, f.Code);
        Assert.False(f.IsError);
        // ephemeral "no" is sent as False, which is what vm-pool holds
        Assert.Equal(SetUnchanged, Assert.Single(R4PoolValidator.ValidateSet("vm-pool", "ephemeral_volatile", "no", State())).Code);
    }

    [Fact]
    public void Set_Boolean_IsSentAsTrueOrFalse()
        => Assert.Equal("True", R4PoolValidator.AnalyseSet("vm-pool", "ephemeral_volatile", "YES", State()).Sent);

    [Fact]
    public void Remove_PoolWithVolumes_ListsEveryVmAndVolume()
    {
        var findings = R4PoolValidator.ValidateRemove("vm-pool", State());
        var volumes = Assert.Single(findings, f => f.Code == PoolHasVolumes);
        Assert.Equal("Pool vm-pool holds 4 volumes of 2 VMs: work (private, volatile); fedora-41 (root, private). Move or remove them first (qubesd answers 'Storage pool is in use: 'vm-pool'').", volumes.Message);
        var defaults = Assert.Single(findings, f => f.Code == PoolIsDefault);
        Assert.Equal("Pool vm-pool is default_pool, default_pool_private (following default_pool), default_pool_root (following default_pool), default_pool_volatile (following default_pool). Point them at another pool first (qubesd answers 'Storage pool is in use: set as default_pool').", defaults.Message);
    }

    [Fact]
    public void Remove_KernelPool_IsRefusedForItsVolumeAndProperty()
    {
        var findings = R4PoolValidator.ValidateRemove("linux-kernel", State());
        Assert.Contains(findings, f => f.Code == PoolHasVolumes && f.Message.Contains("1 volume of 1 VM: work (kernel)"));
        Assert.Contains(findings, f => f.Code == PoolIsDefault && f.Message.Contains("is default_pool_kernel.") && f.Message.Contains("set as default_pool_kernel"));
    }

    [Fact]
    public void Remove_UnusedPool_IsAllowed()
        => Assert.Empty(R4PoolValidator.ValidateRemove("spare", State()));

    [Fact]
    public void Remove_UnknownPool_IsRefused()
        => Assert.Equal(PoolNotFound, Assert.Single(R4PoolValidator.ValidateRemove("ghost", State())).Code);

    [Fact]
    public void Remove_PoolQubesdChoseAsDefault_IsRefused()
    {
        // No explicit default_pool and no lvm_thin pool: qubesd falls back to the file pool at /var/lib/qubes.
        var pools = new R4PoolTable([.. R4Fixtures.Table.Pools.Where(p => p.Driver != "lvm_thin")]);
        var defaults = R4DefaultPools.None.Reset(R4DefaultPools.DefaultPool, pools);
        Assert.Equal("varlibqubes", defaults[R4DefaultPools.DefaultPool].Value);
        var state = new R4PoolState(pools, [], new R4DefaultPools([new(R4DefaultPools.DefaultPool, "varlibqubes", true), new("default_pool_kernel", "linux-kernel", false), new("default_pool_private", "varlibqubes", true), new("default_pool_root", "varlibqubes", true), new("default_pool_volatile", "varlibqubes", true)]), [], R4Release.R4_3);
        var f = Assert.Single(R4PoolValidator.ValidateRemove("varlibqubes", state));
        Assert.Contains("default_pool (qubesd's own choice)", f.Message);
    }

    [Fact]
    public void Remove_WhenADefaultIsUnresolved_Warns()
    {
        var state = R4Fixtures.State() with { Defaults = R4DefaultPools.None };
        var f = Assert.Single(R4PoolValidator.ValidateRemove("spare", state));
        Assert.Equal(PoolMayBeDefault, f.Code);
        Assert.False(f.IsError);
    }

    [Fact]
    public void SetDefault_UnknownPoolOrProperty_IsRefused()
    {
        Assert.Contains("No such storage pool", Assert.Single(R4PoolValidator.ValidateSetDefault("default_pool", "ghost", State())).Message);
        Assert.Equal(NotDefaultProperty, Assert.Single(R4PoolValidator.ValidateSetDefault("default_netvm", "spare", State())).Code);
        Assert.Equal(NotDefaultProperty, Assert.Single(R4PoolValidator.ValidateResetDefault("default_pool_swap")).Code);
        Assert.Empty(R4PoolValidator.ValidateResetDefault("default_pool_private"));
    }

    [Fact]
    public void SetDefault_KernelToANonKernelPool_Warns()
    {
        Assert.Equal(KernelPoolDriver, Assert.Single(R4PoolValidator.ValidateSetDefault("default_pool_kernel", "spare", State())).Code);
        Assert.Empty(R4PoolValidator.ValidateSetDefault("default_pool", "spare", State())); // kernel is set explicitly here
        var following = State() with { Defaults = R4DefaultPools.FollowingDefault("vm-pool") };
        Assert.Equal(KernelPoolDriver, Assert.Single(R4PoolValidator.ValidateSetDefault("default_pool", "spare", following)).Code);
    }

    [Fact]
    public void DefaultPools_SetAndReset_MoveTheFollowers()
    {
        var d = R4Fixtures.Defaults.Set(R4DefaultPools.DefaultPool, "spare");
        Assert.Equal(["spare", "linux-kernel", "spare", "spare", "spare"], d.All.Select(v => v.Value));
        var privateSet = d.Set("default_pool_private", "vm-pool").Set(R4DefaultPools.DefaultPool, "varlibqubes");
        Assert.Equal("vm-pool", privateSet["default_pool_private"].Value);
        Assert.Equal("varlibqubes", privateSet.Reset("default_pool_private", R4Fixtures.Table)["default_pool_private"].Value);
        // vm-pool is lvm_thin: which pool qubesd falls back to depends on dom0's root, which the console cannot see.
        Assert.Null(d.Reset(R4DefaultPools.DefaultPool, R4Fixtures.Table)[R4DefaultPools.DefaultPool].Value);
        var withDefault = R4Fixtures.Table.With(R4Fixtures.Pool("default", "file", ("dir_path", "/srv/d")));
        Assert.Equal("default", d.Reset(R4DefaultPools.DefaultPool, withDefault)["default_pool_root"].Value);
    }
}
