namespace QubesPoolConsole.Server.Tests.Configuration;

public class ConsoleOptionsValidatorTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("qpc-validator-");

    public void Dispose() => _root.Delete(recursive: true);

    private static IReadOnlyList<string> Validate(Dictionary<string, string?> values, bool isDom0 = false)
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(ConsoleOptions.Section);
        return ConsoleOptionsValidator.Validate(section, () => isDom0);
    }

    [Fact]
    public void Validate_ShippedDefaults_HasNoErrors()
    {
        var errors = Validate(new() { ["Console:Mode"] = "Auto", ["Console:Port"] = "8431", ["Console:IdleTimeoutMinutes"] = "30" });

        Assert.Empty(errors);
    }

    private const string PortRange = "must be 0 (any free port) or between 1024 and 65535 (the console runs as a normal user).";
    private const string IdleRange = "must be between 1 and 10080 minutes.";

    [Theory]
    [InlineData("Console:Port", "80", PortRange)]
    [InlineData("Console:Port", "65536", PortRange)]
    [InlineData("Console:Port", "-1", PortRange)]
    [InlineData("Console:IdleTimeoutMinutes", "0", IdleRange)]
    [InlineData("Console:IdleTimeoutMinutes", "-5", IdleRange)]
    [InlineData("Console:IdleTimeoutMinutes", "100000", IdleRange)]
    public void Validate_NumberOutsideItsRange_NamesTheSettingAndTheRange(string key, string value, string range)
    {
        var error = Assert.Single(Validate(new() { [key] = value }));

        Assert.Equal($"{key} = {value}: {range}", error);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1024")]
    [InlineData("65535")]
    public void Validate_PortZeroOrInUserRange_IsAccepted(string port)
        => Assert.Empty(Validate(new() { ["Console:Port"] = port }));

    [Fact]
    public void Validate_NonNumericPortAndUnknownMode_GivesOneSentenceEach()
    {
        var errors = Validate(new() { ["Console:Port"] = "eighty", ["Console:Mode"] = "dom1" });

        Assert.Equal(
            ["Console:Mode = \"dom1\": must be one of Auto, Sandbox, Dom0.", "Console:Port = \"eighty\": must be a whole number."],
            errors.Order());
    }

    [Fact]
    public void Validate_ModeInAnyCase_IsAccepted()
        => Assert.Empty(Validate(new() { ["Console:Mode"] = "sandbox" }));

    [Fact]
    public void Validate_ModeGivenAsNumber_IsRefused()
        => Assert.Contains("must be one of Auto, Sandbox, Dom0", Assert.Single(Validate(new() { ["Console:Mode"] = "2" })));

    [Fact]
    public void Validate_MisspelledSetting_IsNamedWithTheKnownOnes()
    {
        var error = Assert.Single(Validate(new() { ["Console:Prot"] = "9000" }));

        Assert.StartsWith("Console:Prot: unknown setting. Known settings: ", error);
        Assert.Contains("Port", error);
    }

    [Fact]
    public void Validate_EmptyPath_AsksToRemoveIt()
    {
        var error = Assert.Single(Validate(new() { ["Console:Conf"] = "" }));

        Assert.Equal("Console:Conf is empty: remove it to use the default, or give a path.", error);
    }

    [Fact]
    public void Validate_RelativePathsInSandboxMode_AreAccepted()
        => Assert.Empty(Validate(new() { ["Console:Mode"] = "Sandbox", ["Console:DataDirectory"] = "data/sandbox" }));

    [Fact]
    public void Validate_RelativePathInDom0Mode_IsRefused()
    {
        var errors = Validate(new()
        {
            ["Console:Mode"] = "Dom0",
            ["Console:Conf"] = "etc/storage.conf",
            ["Console:StateDirectory"] = Path.Combine(_root.FullName, "state"),
            ["Console:DefaultDirPath"] = _root.FullName,
        });

        Assert.Equal("Console:Conf = \"etc/storage.conf\": must be an absolute path in dom0 mode.", Assert.Single(errors));
    }

    [Fact]
    public void Validate_AutoModeOnDom0_ChecksThatTheFoldersExist()
    {
        var missing = Path.Combine(_root.FullName, "missing");
        var errors = Validate(new()
        {
            ["Console:Conf"] = Path.Combine(missing, "etc", "storage.conf"),
            ["Console:StateDirectory"] = Path.Combine(missing, "state"),
            ["Console:DefaultDirPath"] = Path.Combine(missing, "qubes") + "/",
        }, isDom0: true);

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("Console:Conf = ", StringComparison.Ordinal) && e.Contains($"the folder {missing}/etc for storage.conf does not exist"));
        Assert.Contains(errors, e => e.StartsWith("Console:StateDirectory = ", StringComparison.Ordinal) && e.Contains($"the folder {missing} for the state directory does not exist"));
        Assert.Contains(errors, e => e.StartsWith("Console:DefaultDirPath = ", StringComparison.Ordinal) && e.EndsWith("the directory does not exist.", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_Dom0ModeWithExistingFolders_HasNoErrors()
    {
        Directory.CreateDirectory(Path.Combine(_root.FullName, "etc"));
        var errors = Validate(new()
        {
            ["Console:Mode"] = "Dom0",
            ["Console:Conf"] = Path.Combine(_root.FullName, "etc", "storage.conf"),
            ["Console:StateDirectory"] = Path.Combine(_root.FullName, "state"),
            ["Console:DefaultDirPath"] = _root.FullName + "/",
        });

        Assert.Empty(errors);
    }

    [Fact]
    public void ThrowIfInvalid_BadValues_ListsEveryErrorInTheMessage()
    {
        var section = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Console:Port"] = "1", ["Console:IdleTimeoutMinutes"] = "0" })
            .Build().GetSection(ConsoleOptions.Section);

        var e = Assert.Throws<InvalidConsoleOptionsException>(() => ConsoleOptionsValidator.ThrowIfInvalid(section, () => false));

        Assert.Equal(2, e.Errors.Count);
        Assert.All(e.Errors, err => Assert.Contains(err, e.Message));
    }
}
