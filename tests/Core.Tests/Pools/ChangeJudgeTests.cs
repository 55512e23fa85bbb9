using static QubesPoolConsole.Core.Diagnostics.DiagnosticCodes;

namespace QubesPoolConsole.Core.Tests.Pools;

/// <summary><see cref="ChangeJudge"/> judges the resulting document, whatever produced it.</summary>
public class ChangeJudgeTests
{
    private const string Loaded = "[default]\ndriver=xen\n\n[p]\ndriver=xen\ndir_path=/srv/p\n\n[q]\ndriver=xen\ndir_path=/srv/q\n";
    private static readonly InventoryResult WorkAndMailInP = Inventory(("work", "p"), ("mail", "p"), ("sys-net", "default"));
    private static readonly InventoryResult Unreadable = new(VmInventory.Empty, "/var/lib/qubes/qubes.xml does not exist.");

    private static InventoryResult Inventory(params (string Name, string Pool)[] vms)
        => new(new VmInventory([.. vms.Select((v, i) => new VmInfo { Qid = i, Name = v.Name, ElementType = "QubesAppVm", PoolName = v.Pool })]), null);

    private static ChangeVerdict Judge(string result, InventoryResult inventory, string loaded = Loaded)
        => ChangeJudge.Judge(StorageConfDocument.Parse(loaded), StorageConfDocument.Parse(result), inventory);

    [Theory]
    [InlineData("section removed", "[default]\ndriver=xen\n\n[q]\ndriver=xen\ndir_path=/srv/q\n")]
    [InlineData("section renamed", "[default]\ndriver=xen\n\n[p2]\ndriver=xen\ndir_path=/srv/p\n\n[q]\ndriver=xen\ndir_path=/srv/q\n")]
    public void PoolThatDisappears_WhileVmsUseIt_IsAnErrorNamingThem(string what, string result)
    {
        var verdict = Judge(result, WorkAndMailInP);

        var d = Assert.Single(verdict.Errors);
        Assert.Equal((PoolInUse, "p"), (d.Code, d.Section));
        Assert.Equal("Pool 'p' is used by 2 VM(s): work, mail. Removing it would stop Qubes from loading any VM; move or remove those VMs first.", d.Message);
        Assert.True(verdict.HasErrors, what);
        Assert.Contains("work, mail", verdict.Refusal);
    }

    [Fact]
    public void PoolMadeUnreadable_WhileVmsUseIt_IsAnErrorNamingThemAndTheReason()
    {
        var verdict = Judge(Loaded.Replace("[p]\ndriver=xen", "[p]\ndriver=lvm"), WorkAndMailInP);

        var d = Assert.Single(verdict.Errors, e => e.Code == PoolInUse);
        Assert.Contains("used by 2 VM(s): work, mail", d.Message);
        Assert.Contains("driver 'lvm' is not known", d.Message);
        Assert.Contains(verdict.Errors, e => e.Code == UnknownDriver);
    }

    [Fact]
    public void TextQubesCannotRead_RefusesForEveryPoolWithVms()
    {
        var verdict = Judge(Loaded + "oops\n", WorkAndMailInP);

        Assert.Contains(verdict.Errors, e => e.Code == InvalidLine);
        Assert.Equal(["default", "p"], verdict.Errors.Where(e => e.Code == PoolInUse).Select(e => e.Section));
        Assert.StartsWith("Pool 'p' is used by 2 VM(s): work, mail. A storage.conf that Qubes cannot read", verdict.Errors.Single(e => e.Section == "p").Message);
    }

    [Fact]
    public void UnusedPoolRemoved_IsNoFinding()
    {
        var verdict = Judge("[default]\ndriver=xen\n\n[p]\ndriver=xen\ndir_path=/srv/p\n", WorkAndMailInP);

        Assert.Empty(verdict.Findings);
    }

    [Fact]
    public void QubesXmlUnreadable_RemovingAnyPoolIsRefusedWithTheReason()
    {
        var verdict = Judge("[default]\ndriver=xen\n\n[p]\ndriver=xen\ndir_path=/srv/p\n", Unreadable);

        var d = Assert.Single(verdict.Errors);
        Assert.Equal((PoolUsageUnknown, "q"), (d.Code, d.Section));
        Assert.Equal("Cannot tell whether any VM uses pool 'q': /var/lib/qubes/qubes.xml does not exist. Restore qubes.xml (or name the right file), then remove the pool.", d.Message);
    }

    [Theory]
    [InlineData("own key", "[default]\ndriver=xen\n\n[p]\ndriver=xen\ndir_path=/\n\n[q]\ndriver=xen\ndir_path=/srv/q\n", "/srv/p", "/")]
    [InlineData("through [DEFAULT]", "[DEFAULT]\ndir_path=/\n\n[default]\ndriver=xen\n\n[p]\ndriver=xen\n\n[q]\ndriver=xen\ndir_path=/srv/q\n", "/srv/p", "/")]
    public void DirPathOfAPoolWithVmsChanged_NeedsConfirmation(string what, string result, string from, string to)
    {
        var verdict = Judge(result, WorkAndMailInP);

        // Through [DEFAULT], the default pool (sys-net) moves as well: each pool with VMs gets its own warning.
        var d = Assert.Single(verdict.NeedingConfirmation, x => x.Section == "p");
        Assert.Equal((PoolMoved, "p", DiagnosticSeverity.Warning), (d.Code, d.Section, d.Severity));
        Assert.Equal($"Pool 'p' holds 2 VM(s) (work, mail). Qubes will look for their images under '{to}' instead of '{from}'; no files are moved. Move the files yourself before starting those VMs.", d.Message);
        Assert.True(ChangeJudge.NeedsConfirmation(d), what);
    }

    [Fact]
    public void DirPathKeyRemoved_OfAPoolWithVms_IsAnErrorAndAMoveToConfirm()
    {
        var verdict = Judge(Loaded.Replace("dir_path=/srv/p\n", ""), WorkAndMailInP);

        Assert.Contains(verdict.Errors, e => e.Code == DirPathMissing);
        Assert.Contains(verdict.Errors, e => e.Code == PoolInUse && e.Section == "p");
        Assert.StartsWith("Pool 'p' holds 2 VM(s) (work, mail). Without a dir_path", Assert.Single(verdict.NeedingConfirmation).Message);
    }

    [Fact]
    public void SameDirectoryWrittenDifferently_IsNoMove()
    {
        var verdict = Judge(Loaded.Replace("dir_path=/srv/p\n", "dir_path=/srv//p/\n"), WorkAndMailInP);

        Assert.Empty(verdict.NeedingConfirmation);
        Assert.Equal(DirPathNotNormalized, Assert.Single(verdict.Findings).Code);
    }

    [Fact]
    public void DirPathOfAPoolWithoutVmsChanged_IsNoWarning_AndUnknownInventoryOnlyWarns()
    {
        var moved = Loaded.Replace("dir_path=/srv/q", "dir_path=/");

        Assert.Empty(Judge(moved, WorkAndMailInP).Findings);
        var unknown = Assert.Single(Judge(moved, Unreadable).Findings);
        Assert.Equal(PoolMoveUnchecked, unknown.Code);
        Assert.False(ChangeJudge.NeedsConfirmation(unknown));
    }

    [Fact]
    public void NewDirPath_IsLookedForOnDisk()
    {
        var missing = Path.Combine(Path.GetTempPath(), "qpc-no-such-" + Guid.NewGuid().ToString("N"), "pool");

        var verdict = Judge(Loaded + $"\n[n]\ndriver=xen\ndir_path={missing}\n", WorkAndMailInP);

        var d = Assert.Single(verdict.Findings);
        Assert.Equal((DirPathParentMissing, "n"), (d.Code, d.Section));
    }

    [Theory]
    [InlineData("[default] keys", "[default]\ndriver=xen\ndir_path=/x\n\n[p]\ndriver=xen\ndir_path=/srv/p\n\n[q]\ndriver=xen\ndir_path=/srv/q\n", DefaultPoolHasKeys)]
    [InlineData("[default] removed", "[p]\ndriver=xen\ndir_path=/srv/p\n\n[q]\ndriver=xen\ndir_path=/srv/q\n", DefaultPoolMissing)]
    [InlineData("[DEFAULT] keys", "[DEFAULT]\nrevisions=1\n\n" + Loaded, DefaultsSectionKeys)]
    public void DefaultRules_AreErrorsOfTheResult(string what, string result, string code)
    {
        var verdict = Judge(result, Inventory());

        Assert.Contains(verdict.Errors, e => e.Code == code);
        Assert.NotNull(verdict.Refusal);
        Assert.True(verdict.HasErrors, what);
    }

    [Fact]
    public void ErrorsTheLoadedFileAlreadyHad_DoNotRefuse()
    {
        var broken = Loaded.Replace("dir_path=/srv/q", "dir_path=rel/q");

        var verdict = Judge(broken + "# a comment\n", Inventory(), loaded: broken);

        Assert.Empty(verdict.Findings);
        Assert.Null(verdict.Refusal);
    }

    [Fact]
    public void TheDocumentAsLoaded_HasNoFindings()
    {
        var doc = StorageConfDocument.Parse(Loaded);

        Assert.Same(ChangeVerdict.None, ChangeJudge.Judge(doc, doc, Unreadable));
    }
}
