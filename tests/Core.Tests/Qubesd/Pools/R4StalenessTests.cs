namespace QubesPoolConsole.Core.Tests.Qubesd.Pools;

/// <summary>Apply refuses when the pools changed since the draft started, and says what changed.</summary>
public class R4StalenessTests
{
    [Fact]
    public void Unchanged_GivesNoFinding()
    {
        var copy = new R4PoolTable(R4Fixtures.Table.Pools.Reverse());
        Assert.Null(R4Staleness.Check(R4Fixtures.Table, copy, R4Fixtures.Defaults, R4Fixtures.Defaults));
    }

    [Fact]
    public void AddedRemovedAndChanged_AreAllListed()
    {
        var now = R4Fixtures.Table
            .Without("spare")
            .With(R4Fixtures.Pool("usb", "file-reflink", ("dir_path", "/run/media/usb")))
            .With(R4Fixtures.Table.Find("vm-pool")!.With("revisions_to_keep", "3"));
        var diffs = R4Staleness.Differences(R4Fixtures.Table, now);
        Assert.Equal(
        [
            "pool spare was removed",
            "revisions_to_keep of pool vm-pool changed from 2 to 3",
            "pool usb was added",
        ], diffs.Select(d => d.ToString()));
        var f = R4Staleness.Check(R4Fixtures.Table, now)!;
        Assert.True(f.IsError);
        Assert.Equal(R4Codes.PoolsChanged, f.Code);
        Assert.Contains("not applied: pool spare was removed; revisions_to_keep of pool vm-pool changed from 2 to 3; pool usb was added.", f.Message);
    }

    [Fact]
    public void OptionAppearingOrVanishing_IsListed()
    {
        var draft = new R4PoolTable([R4Fixtures.Pool("p", "file-reflink", ("dir_path", "/a"))]);
        var now = new R4PoolTable([R4Fixtures.Pool("p", "file-reflink", ("dir_path", "/a"), ("ephemeral_volatile", "True"))]);
        Assert.Equal("ephemeral_volatile of pool p was set to True", R4Staleness.Differences(draft, now).Single().ToString());
        Assert.Equal("ephemeral_volatile of pool p (was True) is gone", R4Staleness.Differences(now, draft).Single().ToString());
    }

    [Fact]
    public void DefaultPoolChanged_IsListed()
    {
        var now = R4Fixtures.Defaults.Set("default_pool", "spare");
        var d = R4Staleness.Differences(R4Fixtures.Table, R4Fixtures.Table, R4Fixtures.Defaults, now);
        Assert.Equal(
        [
            "default_pool changed from vm-pool to spare",
            "default_pool_private changed from vm-pool (default) to spare (default)",
            "default_pool_root changed from vm-pool (default) to spare (default)",
            "default_pool_volatile changed from vm-pool (default) to spare (default)",
        ], d.Select(x => x.ToString()));
    }
}
