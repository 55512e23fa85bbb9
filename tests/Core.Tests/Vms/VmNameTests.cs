namespace QubesPoolConsole.Core.Tests.Vms;

public class VmNameTests
{
    [Theory]
    [InlineData("work")]
    [InlineData("a")]
    [InlineData("Work-2.test_x")]
    [InlineData("abcdefghijklmnopqrstuvwxyz01234")] // 31 characters
    [InlineData("display")]
    [InlineData("disp")]
    [InlineData("dispX1")]
    [InlineData("nonex")]
    [InlineData("sys-dmz")]
    public void ValidName_TryCreate_Succeeds(string name)
    {
        Assert.True(VmName.TryCreate(name, out var vmName, out var error), error);
        Assert.Equal(name, vmName!.Value.Value);
    }

    [Theory]
    [InlineData("default", "reserved")]
    [InlineData("lost+found", "reserved")]
    [InlineData("none", "reserved")]
    [InlineData("None", "reserved")]
    [InlineData("NONE", "reserved")]
    [InlineData("true", "reserved")]
    [InlineData("True", "reserved")]
    [InlineData("false", "reserved")]
    [InlineData("FaLsE", "reserved")]
    [InlineData("disp1", "DisposableVMs")]
    [InlineData("disp42", "DisposableVMs")]
    [InlineData("Disp7", "DisposableVMs")]
    [InlineData("", "Give the VM a name")]
    [InlineData("1work", "must start with a letter")]
    [InlineData("-work", "must start with a letter")]
    [InlineData("_work", "must start with a letter")]
    [InlineData("my vm", "contains a space")]
    [InlineData("wörk", "contains 'ö'")]
    [InlineData("a/b", "contains '/'")]
    [InlineData("abcdefghijklmnopqrstuvwxyz012345", "32 characters long; Qubes allows at most 31")]
    [InlineData("web-dm", "must not end in '-dm'")]
    public void ReservedOrInvalidName_TryCreate_IsRefusedSayingWhy(string name, string expected)
    {
        Assert.False(VmName.TryCreate(name, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void TakenName_Check_NamesTheExistingVm()
    {
        var inventory = QubesXmlReader.Read(TestFixtures.PathOf("r3.2-qubes.xml")).Collection;

        Assert.Contains("A VM named 'work' already exists", VmNameRules.Check("work", inventory));
        Assert.Contains("differ only in letter case", VmNameRules.Check("Work", inventory));
        Assert.Null(VmNameRules.Check("work2", inventory));
    }
}
