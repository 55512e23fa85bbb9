using static QubesPoolConsole.Core.Qubesd.Pools.R4Codes;

namespace QubesPoolConsole.Core.Tests.Qubesd.Pools;

/// <summary>Every finding of an add request, checked as qubesd (api/admin.py pool_add, drivers' constructors) would refuse.</summary>
public class R4AddValidationTests
{
    private static R4PoolAddRequest Req(string name, string driver, params (string, string)[] options) => R4PoolAddRequest.Of(name, driver, options);

    public static TheoryData<string, R4PoolAddRequest, string?, string> Errors() => new()
    {
        // code, request, option the finding names, words of the message ('|' separated)
        { UnknownDriver, Req("p", "file_reflink", ("dir_path", "/srv/p")), "driver", "no driver 'file_reflink'|unexpected driver name|did you mean file-reflink" },
        { UnknownDriver, Req("p", "lvm", ("dir_path", "/srv/p")), "driver", "did you mean lvm_thin" },
        { PoolNameEmpty, Req("", "file-reflink", ("dir_path", "/srv/p")), null, "Give the pool a name|empty reply" },
        { PoolNameCharset, Req("my pool", "file-reflink", ("dir_path", "/srv/p")), null, "Pool name 'my pool'|a space|only letters" },
        { PoolNameCharset, Req("p+q", "file-reflink", ("dir_path", "/srv/p")), null, "'+'" },
        { PoolNameCharset, Req("pööl", "file-reflink", ("dir_path", "/srv/p")), null, "U+00F6" },
        { PoolExists, Req("vm-pool", "file-reflink", ("dir_path", "/srv/p")), null, "already exists|empty reply" },
        { OptionKeyInvalid, Req("p", "file-reflink", ("dir_path", "/srv/p"), ("a=b", "c")), "a=b", "contains '='" },
        { OptionKeyInvalid, Req("p", "file-reflink", ("dir_path", "/srv/p"), ("", "c")), "", "is empty" },
        { OptionDuplicate, Req("p", "file-reflink", ("dir_path", "/srv/p"), ("dir_path", "/srv/q")), "dir_path", "given twice" },
        { OptionDuplicate, Req("p", "file-reflink", ("dir_path", "/srv/p"), ("name", "q")), "name", "not an option|second name=" },
        { OptionUnknown, Req("p", "file-reflink", ("dir_path", "/srv/p"), ("driver", "file")), "driver", "'driver' is not an option of the file-reflink driver|unexpected driver options: driver" },
        { OptionUnknown, Req("p", "linux-kernel", ("dir_path", "/srv/k"), ("revisions_to_keep", "0")), "revisions_to_keep", "not an option of the linux-kernel driver|its options: dir_path" },
        { OptionMissing, Req("p", "file-reflink"), "dir_path", "needs dir_path|missing required driver options: dir_path|R4.2 gives an empty reply" },
        { OptionMissing, Req("p", "lvm_thin", ("volume_group", "qubes_dom0")), "thin_pool", "needs thin_pool" },
        { OptionMissing, Req("p", "zfs"), "container", "needs container" },
        { OptionMissing, Req("p", "callback"), "conf_id", "needs conf_id" },
        { NotAscii, Req("p", "file-reflink", ("dir_path", "/srv/pöol")), "dir_path", "non-ASCII|U+00F6|empty reply" },
        { OptionLineBreak, Req("p", "file-reflink", ("dir_path", "/srv/p\nrevisions_to_keep=5")), "dir_path", "a line break|another option line" },
        { OptionLineBreak, Req("p", "file-reflink", ("dir_path", "/srv/p\fx")), "dir_path", "U+000C" },
        { OptionControlCharacter, Req("p", "file-reflink", ("dir_path", "/srv/p\tx")), "dir_path", "a tab|qubes.xml cannot hold it" },
        { OptionEmpty, Req("p", "file-reflink", ("dir_path", "")), "dir_path", "is empty" },
        { OptionEmpty, Req("p", "callback", ("conf_id", "")), "conf_id", "is empty" },
        { DirPathInvalid, Req("p", "file-reflink", ("dir_path", "srv/p")), "dir_path", "'srv/p' is relative|working directory" },
        { DirPathInvalid, Req("p", "file", ("dir_path", "/srv/../p")), "dir_path", "'.' or '..'" },
        { DirPathInvalid, Req("p", "file", ("dir_path", "/" + new string('a', 5000))), "dir_path", "5001 characters" },
        { NotBoolean, Req("p", "file-reflink", ("dir_path", "/srv/p"), ("ephemeral_volatile", "maybe")), "ephemeral_volatile", "'maybe', which is not a boolean|True or False" },
        { NotBoolean, Req("p", "zfs", ("container", "tank/q"), ("snap_on_start_forensics", "")), "snap_on_start_forensics", "not a boolean" },
        { NotRevisions, Req("p", "lvm_thin", ("volume_group", "vg"), ("thin_pool", "tp"), ("revisions_to_keep", "two")), "revisions_to_keep", "'two'|digits only" },
        { NotRevisions, Req("p", "lvm_thin", ("volume_group", "vg"), ("thin_pool", "tp"), ("revisions_to_keep", "02")), "revisions_to_keep", "no leading zero" },
        { NotRevisions, Req("p", "lvm_thin", ("volume_group", "vg"), ("thin_pool", "tp"), ("revisions_to_keep", "-2")), "revisions_to_keep", "or -1 for no snapshots" },
        { NotRevisions, Req("p", "lvm_thin", ("volume_group", "vg"), ("thin_pool", "tp"), ("revisions_to_keep", "12345678901234567890")), "revisions_to_keep", "digits only" },
        { RevisionsAboveLimit, Req("p", "file", ("dir_path", "/srv/p"), ("revisions_to_keep", "2")), "revisions_to_keep", "at most 1 revision|FilePool supports maximum 1|file-reflink" },
        { LvmNameInvalid, Req("p", "lvm_thin", ("volume_group", "qubes dom0"), ("thin_pool", "tp")), "volume_group", "not an LVM name|does not exist" },
        { LvmNameInvalid, Req("p", "lvm_thin", ("volume_group", "vg"), ("thin_pool", "-tp")), "thin_pool", "not starting with '-'" },
        { ZfsDatasetInvalid, Req("p", "zfs", ("container", "/tank/qubes")), "container", "starts with '/'|not a mount point" },
        { ZfsDatasetInvalid, Req("p", "zfs", ("container", "tank//qubes")), "container", "not a ZFS dataset name" },
        { ZfsDatasetInvalid, Req("p", "zfs", ("container", "tank/q@snap")), "container", "not a ZFS dataset name" },
        { RequestTooLarge, Req("p", "callback", ("conf_id", new string('c', 66000))), null, "would be 660|64 KiB" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Add_RefusedAsQubesdWould(string code, R4PoolAddRequest request, string? option, string words)
    {
        var analysis = R4PoolValidator.AnalyseAdd(request, R4Fixtures.State());
        var finding = Assert.Single(analysis.Findings, f => f.IsError);
        Assert.Equal(code, finding.Code);
        if (option is not null) Assert.Equal(option, finding.Option);
        Assert.Equal(request.Name, finding.Pool);
        foreach (var w in words.Split('|')) Assert.Contains(w, finding.Message);
        Assert.False(analysis.IsAllowed);
        Assert.Null(analysis.Result);
    }

    [Fact]
    public void Add_RevisionsMinusOne_OnlyOnR43()
    {
        var req = Req("p", "lvm_thin", ("volume_group", "vg"), ("thin_pool", "tp"), ("revisions_to_keep", "-1"));
        Assert.DoesNotContain(R4PoolValidator.ValidateAdd(req, R4Fixtures.State(R4Release.R4_3)), f => f.IsError);
        var r42 = Assert.Single(R4PoolValidator.ValidateAdd(req, R4Fixtures.State(R4Release.R4_2)), f => f.IsError);
        Assert.Equal(RevisionsNegativeR42, r42.Code);
        Assert.Contains("R4.2 refuses", r42.Message);
    }

    [Fact]
    public void Add_ManyProblems_AreAllReported()
    {
        var req = Req("bad name", "file", ("dir_path", "rel"), ("revisions_to_keep", "3"), ("colour", "red"));
        var codes = R4PoolValidator.ValidateAdd(req, R4Fixtures.State()).Where(f => f.IsError).Select(f => f.Code);
        Assert.Equal([PoolNameCharset, DirPathInvalid, RevisionsAboveLimit, OptionUnknown], codes);
    }

    public static TheoryData<string, R4PoolAddRequest, R4Release> Warnings() => new()
    {
        { FalseStoredAsTextR42, Req("p", "file-reflink", ("dir_path", "/srv/p"), ("ephemeral_volatile", "no")), R4Release.R4_2 },
        { PoolNamedDefault, Req("default", "file-reflink", ("dir_path", "/srv/p")), R4Release.R4_3 },
        { FileDriverDeprecated, Req("p", "file", ("dir_path", "/srv/p")), R4Release.R4_3 },
        { ReflinkCheckOff, Req("p", "file-reflink", ("dir_path", "/srv/p"), ("setup_check", "off")), R4Release.R4_3 },
    };

    [Theory]
    [MemberData(nameof(Warnings))]
    public void Add_AllowedWithWarning(string code, R4PoolAddRequest request, R4Release release)
    {
        var state = R4Fixtures.State(release);
        if (code == PoolNamedDefault) state = state with { Defaults = R4DefaultPools.None };
        var analysis = R4PoolValidator.AnalyseAdd(request, state);
        Assert.True(analysis.IsAllowed);
        Assert.Equal(code, Assert.Single(analysis.Findings).Code);
    }

    [Fact]
    public void Add_R42FalseWarning_NotForZfs_NorOnR43()
    {
        var zfs = Req("p", "zfs", ("container", "tank/q"), ("ephemeral_volatile", "False"));
        Assert.Empty(R4PoolValidator.ValidateAdd(zfs, R4Fixtures.State(R4Release.R4_2)));
        var lvm = Req("p", "lvm_thin", ("volume_group", "vg"), ("thin_pool", "tp"), ("ephemeral_volatile", "False"));
        Assert.Empty(R4PoolValidator.ValidateAdd(lvm, R4Fixtures.State(R4Release.R4_3)));
    }

    [Fact]
    public void Add_UnknownDriverFromListDrivers_AcceptsItsOptionsAsText()
    {
        var state = R4Fixtures.State() with { Drivers = R4DriverTable.FromListDrivers(R4Fixtures.ListDrivers + "btrfs_sub subvolume revisions_to_keep\n") };
        var analysis = R4PoolValidator.AnalyseAdd(Req("p", "btrfs_sub", ("subvolume", "@qubes"), ("revisions_to_keep", "3")), state);
        Assert.True(analysis.IsAllowed);
        Assert.Equal(UnknownDriverOptions, Assert.Single(analysis.Findings).Code);
        Assert.Equal("<pool name=\"p\" driver=\"btrfs_sub\" revisions_to_keep=\"3\" subvolume=\"@qubes\"/>", R4PoolXml.Element(analysis.Result!));
        var wrong = R4PoolValidator.ValidateAdd(Req("p", "btrfs_sub", ("subvol", "x")), state);
        Assert.Contains(wrong, f => f.Code == OptionUnknown && f.Message.Contains("its options: subvolume, revisions_to_keep"));
    }

    [Fact]
    public void Add_DriverNotListedByQubesd_IsUnknownEvenIfTheTableKnowsIt()
    {
        var r41 = R4Fixtures.State() with { Drivers = R4DriverTable.FromListDrivers("file dir_path\nlvm_thin volume_group thin_pool\n") };
        var finding = Assert.Single(R4PoolValidator.ValidateAdd(Req("p", "zfs", ("container", "tank/q")), r41));
        Assert.Equal(UnknownDriver, finding.Code);
        Assert.Contains("Drivers: file, lvm_thin", finding.Message);
    }

    [Theory]
    [InlineData("file", "/srv//p/", "/srv/p")]
    [InlineData("file-reflink", "//srv/p", "//srv/p")]
    [InlineData("file-reflink", "///srv/p", "/srv/p")]
    [InlineData("file", "/", "/")]
    public void Add_DirPath_StoredAsPythonNormpathGivesIt(string driver, string given, string stored)
    {
        var analysis = R4PoolValidator.AnalyseAdd(Req("p", driver, ("dir_path", given)), R4Fixtures.State());
        Assert.Equal(stored, analysis.Result!.Options["dir_path"]);
        Assert.Equal(given, analysis.Sent.Single().Value);
    }

    [Theory]
    [InlineData("True", "yes", "TRUE", "on", "1")]
    [InlineData("False", "No", "off", "0")]
    public void Add_Booleans_SentAsTrueOrFalse(string sent, params string[] spellings)
    {
        Assert.All(spellings, given =>
        {
            var analysis = R4PoolValidator.AnalyseAdd(Req("p", "lvm_thin", ("volume_group", "vg"), ("thin_pool", "tp"), ("ephemeral_volatile", given)), R4Fixtures.State());
            Assert.Equal($"name=p\nephemeral_volatile={sent}\nthin_pool=tp\nvolume_group=vg\n", analysis.Call.Payload);
            Assert.Equal(sent, analysis.Result!.Options["ephemeral_volatile"]);
        });
    }

    [Fact]
    public void Add_Result_FillsTheDriversDefaults_AndDropsSetupCheck()
    {
        var analysis = R4PoolValidator.AnalyseAdd(Req("ssd", "file-reflink", ("dir_path", "/srv/ssd"), ("setup_check", "no")), R4Fixtures.State());
        Assert.Equal("<pool name=\"ssd\" driver=\"file-reflink\" dir_path=\"/srv/ssd\" ephemeral_volatile=\"False\" revisions_to_keep=\"1\"/>", R4PoolXml.Element(analysis.Result!));
        var zfs = R4PoolValidator.AnalyseAdd(Req("z", "zfs", ("container", "tank/qubes"), ("revisions_to_keep", "3")), R4Fixtures.State());
        Assert.Equal("<pool name=\"z\" driver=\"zfs\" container=\"tank/qubes\" ephemeral_volatile=\"False\" revisions_to_keep=\"3\" snap_on_start_forensics=\"False\"/>", R4PoolXml.Element(zfs.Result!));
        var kernel = R4PoolValidator.AnalyseAdd(Req("k", "linux-kernel", ("dir_path", "/srv/k/")), R4Fixtures.State());
        Assert.Equal("<pool name=\"k\" driver=\"linux-kernel\" dir_path=\"/srv/k/\"/>", R4PoolXml.Element(kernel.Result!));
    }

    [Fact]
    public void PoolNames_QubesdsCharset_AlwaysAccepted()
    {
        var chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.";
        Gen.Char[chars].Array[1, 80].Select(a => new string(a)).Sample(name =>
        {
            var pools = new R4PoolTable([]);
            Assert.Empty(R4PoolValidator.CheckName(name, pools));
            Assert.Equal(PoolExists, Assert.Single(R4PoolValidator.CheckName(name, new R4PoolTable([R4Fixtures.Pool(name, "file")]))).Code);
        });
    }

    [Fact]
    public void PoolNames_WithAnyOtherCharacter_AlwaysRefused()
    {
        Gen.Select(Gen.String[Gen.Char.AlphaNumeric, 0, 10], Gen.Char.Where(c => !R4PoolValidator.IsNameChar(c)), Gen.String[Gen.Char.AlphaNumeric, 0, 10])
            .Sample((a, bad, b) => Assert.Equal(PoolNameCharset, Assert.Single(R4PoolValidator.CheckName(a + bad + b, R4PoolTable.Empty)).Code));
    }
}
