using QubesPoolConsole.Core.Backends;

namespace QubesPoolConsole.Server.Tests.Configuration;

public class ConsoleBackendTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("qpc-backend-");

    public void Dispose() => _root.Delete(recursive: true);

    private static IReadOnlyList<string> Validate(Dictionary<string, string?> values, bool isDom0, string? releaseFile = null)
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(ConsoleOptions.Section);
        return ConsoleOptionsValidator.Validate(section, () => isDom0, () => releaseFile);
    }

    private Dictionary<string, string?> Dom0(params (string Key, string Value)[] more)
    {
        var values = new Dictionary<string, string?>
        {
            ["Console:Mode"] = "Dom0",
            ["Console:StateDirectory"] = Path.Combine(_root.FullName, "state"),
            ["Console:Conf"] = Path.Combine(_root.FullName, "storage.conf"),
            ["Console:DefaultDirPath"] = _root.FullName,
        };
        foreach (var (k, v) in more) values["Console:" + k] = v;
        return values;
    }

    private ConsoleBackend Resolve(ConsoleOptions options, string? releaseFile = null)
        => ConsoleBackend.Resolve(options, ConsolePaths.Resolve(options), () => releaseFile);

    [Fact]
    public void Resolve_SandboxByDefault_IsStorageConfWithoutSocket()
    {
        var backend = Resolve(new ConsoleOptions { Mode = ConsoleMode.Sandbox, DataDirectory = _root.FullName });

        Assert.Equal(BackendKind.StorageConf, backend.Kind);
        Assert.Null(backend.SocketPath);
        Assert.False(backend.StartsSandbox);
        Assert.Equal("storage.conf sandbox", backend.Description);
    }

    [Fact]
    public void Resolve_SandboxWithQubesd_StartsTheStandInUnderDataR4()
    {
        var backend = Resolve(new ConsoleOptions { Mode = ConsoleMode.Sandbox, DataDirectory = _root.FullName, Backend = "qubesd", QubesdRelease = "4.2" });

        Assert.Equal(BackendKind.Qubesd, backend.Kind);
        Assert.True(backend.StartsSandbox);
        Assert.Equal(Path.Combine(_root.FullName, "r4"), backend.SandboxDirectory);
        Assert.Equal(Path.Combine(_root.FullName, "r4", "qubesd.sock"), backend.SocketPath);
        Assert.Equal("4.2", backend.SandboxRelease);
        Assert.Equal("qubesd sandbox (R4.2)", backend.Description);
    }

    [Theory]
    [InlineData("Qubes release 4.2.4 (R4.2)\n", BackendKind.Qubesd, "qubesd · Qubes R4.2")]
    [InlineData("Qubes release 4.3.0 (R4.3)\n", BackendKind.Qubesd, "qubesd · Qubes R4.3")]
    [InlineData("Qubes release 3.2 (R3.2)\n", BackendKind.StorageConf, "storage.conf · Qubes R3.2")]
    public void Resolve_Dom0Auto_FollowsQubesRelease(string releaseFile, BackendKind kind, string description)
    {
        var backend = Resolve(new ConsoleOptions { Mode = ConsoleMode.Dom0 }, releaseFile);

        Assert.Equal(kind, backend.Kind);
        Assert.False(backend.StartsSandbox);
        Assert.Equal(description, backend.Description);
        Assert.Equal(kind == BackendKind.Qubesd ? "/var/run/qubesd.sock" : null, backend.SocketPath);
    }

    [Fact]
    public void Resolve_Dom0QubesdWithSocketSetting_UsesThatSocket()
    {
        var backend = Resolve(new ConsoleOptions { Mode = ConsoleMode.Dom0, Backend = "qubesd", QubesdSocket = "/run/peer/qubesd.sock" });

        Assert.Equal("/run/peer/qubesd.sock", backend.SocketPath);
        Assert.Equal("qubesd at /run/peer/qubesd.sock", backend.Description);
    }

    [Fact]
    public void Validate_Dom0AutoOnR40_RefusesWithOneSentence()
    {
        var error = Assert.Single(Validate(Dom0(), isDom0: true, "Qubes release 4.0.4 (R4.0)\n"));

        Assert.Equal("Console:Backend = auto: this dom0 runs Qubes R4.0 (\"Qubes release 4.0.4 (R4.0)\"), which the console does not support; "
            + "it manages Qubes R3.2 (storage.conf) and R4.1 and later (qubesd).", error);
    }

    [Fact]
    public void Validate_Dom0AutoWithUnreadableRelease_AsksForTheSetting()
    {
        var error = Assert.Single(Validate(Dom0(), isDom0: true, "not a release\n"));

        Assert.StartsWith("Console:Backend = auto: /etc/qubes-release names no Qubes release", error);
        Assert.Contains("--backend", error);
    }

    [Fact]
    public void Validate_Dom0Qubesd_NeedsNoStorageConfFolders()
    {
        // The qubesd backend writes no storage.conf and no pool folder: /etc/qubes need not exist.
        var errors = Validate(Dom0(("Backend", "qubesd"), ("Conf", "/nonexistent/qubes/storage.conf"),
            ("QubesdSocket", Path.Combine(_root.FullName, "q.sock"))), isDom0: true);

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("Backend", "r4", "Console:Backend = \"r4\": must be one of auto, storage-conf, qubesd.")]
    [InlineData("QubesdRelease", "4.1", "Console:QubesdRelease = \"4.1\": the R4 sandbox answers as Qubes 4.3 or 4.2.")]
    [InlineData("QubesdSocket", "qubesd.sock", "Console:QubesdSocket = \"qubesd.sock\": must be an absolute path in dom0 mode.")]
    public void Validate_BadBackendSetting_GivesOneSentence(string key, string value, string expected)
        => Assert.Equal(expected, Assert.Single(Validate(Dom0((key, value)), isDom0: true, "Qubes release 4.2.4 (R4.2)\n")));

    [Fact]
    public void Validate_BackendInAnyCase_IsAccepted()
        => Assert.Empty(Validate(new() { ["Console:Mode"] = "Sandbox", ["Console:DataDirectory"] = _root.FullName, ["Console:Backend"] = "QubesD" }, isDom0: false));

    [Fact]
    public void Validate_SandboxSocketTooLong_NamesTheLimit()
    {
        var deep = Path.Combine(_root.FullName, new string('d', 100));
        var error = Assert.Single(Validate(new() { ["Console:Mode"] = "Sandbox", ["Console:DataDirectory"] = deep, ["Console:Backend"] = "qubesd" }, isDom0: false));

        Assert.Contains("a UNIX socket path may have at most 107 bytes; choose a shorter data folder (--data) or socket path.", error);
    }

    [Fact]
    public void Validate_BadBackendAndMissingStateFolder_ListsBoth()
    {
        var errors = Validate(new()
        {
            ["Console:Mode"] = "Dom0",
            ["Console:Backend"] = "r4",
            ["Console:Conf"] = Path.Combine(_root.FullName, "storage.conf"),
            ["Console:DefaultDirPath"] = _root.FullName,
            ["Console:StateDirectory"] = Path.Combine(_root.FullName, "missing", "state"),
        }, isDom0: true);

        Assert.Equal(
            ["Console:Backend = \"r4\": must be one of auto, storage-conf, qubesd.",
             $"Console:StateDirectory = \"{Path.Combine(_root.FullName, "missing", "state")}\": the folder {Path.Combine(_root.FullName, "missing")} for the state directory does not exist."],
            errors);
    }

    [Fact]
    public void ExpandFlags_R4_BecomesBackendQubesd()
        => Assert.Equal(["--data", "/x", "--backend=qubesd", "--port", "0"],
            ConsoleBackendSetting.ExpandFlags(["--data", "/x", "--r4", "--port", "0"]));
}
