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

    // Grouped by the reason Qubes gives; each name is checked on its own.
    [Theory]
    [InlineData("Give the VM a name", "")]
    [InlineData("contains a space", "my vm")]
    [InlineData("reserved", "default", "lost+found", "none", "None", "NONE", "true", "True", "false", "FaLsE")]
    [InlineData("contains 'ö'", "wörk")]
    [InlineData("contains '/'", "a/b")]
    [InlineData("DisposableVMs", "disp1", "disp42", "Disp7")]
    [InlineData("32 characters long; Qubes allows at most 31", "abcdefghijklmnopqrstuvwxyz012345")]
    [InlineData("must not end in '-dm'", "web-dm")]
    [InlineData("must start with a letter", "1work", "-work", "_work")]
    public void ReservedOrInvalidName_TryCreate_IsRefusedSayingWhy(string expected, params string[] names)
    {
        Assert.All(names, name =>
        {
            Assert.False(VmName.TryCreate(name, out _, out var error));
            Assert.Contains(expected, error);
        });
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
