namespace QubesPoolConsole.Core.Tests.Vms;

/// <summary>
/// The dom0 backend against stand-in executables the test writes into a folder put first on the search PATH:
/// <c>qvm-create</c> records its argv (one argument per line) and prints or fails with Qubes' own messages;
/// <c>runuser</c> records its argv and runs the rest of it, as util-linux's does.
/// </summary>
public sealed class Dom0VmCreatorTests : IDisposable
{
    private readonly string _bin = Directory.CreateTempSubdirectory("qpc-bin-").FullName;
    private readonly List<string> _progress = [];

    public void Dispose() => Directory.Delete(_bin, recursive: true);

    private string ArgvFile => Path.Combine(_bin, "qvm-create.argv");
    private string RunuserArgvFile => Path.Combine(_bin, "runuser.argv");
    private string SearchPath => _bin + ":/usr/bin:/bin";

    private static readonly VmRequest Work = new() { Name = "work", Label = "red", Type = VmType.TemplateBasedAppVm, Template = "fedora-23", Pool = "foo" };

    private void StandIn(string stdout, string stderr = "", int exit = 0)
    {
        File.WriteAllText(Path.Combine(_bin, "out.txt"), stdout);
        File.WriteAllText(Path.Combine(_bin, "err.txt"), stderr);
        var script = $"""
            #!/bin/sh
            : > '{ArgvFile}'
            for a in "$@"; do printf '%s\n' "$a" >> '{ArgvFile}'; done
            cat '{_bin}/out.txt'
            cat '{_bin}/err.txt' >&2
            exit {exit}

            """;
        Write("qvm-create", script);
        Write("runuser", $"""
            #!/bin/sh
            : > '{RunuserArgvFile}'
            for a in "$@"; do printf '%s\n' "$a" >> '{RunuserArgvFile}'; done
            shift 3
            exec "$@"

            """);
    }

    private void Write(string name, string text)
    {
        var path = Path.Combine(_bin, name);
        File.WriteAllText(path, text);
        File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
    }

    private Task<VmCreationResult> Create(VmRequest request, bool isRoot = false, string? user = null)
        => new Dom0VmCreator(new Dom0VmCreatorOptions { SearchPath = SearchPath, IsRoot = isRoot, RunAsUser = user ?? (isRoot ? "alice" : null) })
            .CreateAsync(request, new SyncProgress(_progress.Add));

    [Fact]
    public async Task NotRoot_Create_RunsQvmCreateDirectlyWithTheExactArguments()
    {
        StandIn("--> Using TemplateVM: fedora-23\n--> Creating volatile image\n");

        var result = await Create(Work);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(["-P", "foo", "-l", "red", "-t", "fedora-23", "work"], File.ReadAllLines(ArgvFile));
        Assert.False(File.Exists(RunuserArgvFile));
        Assert.Equal(["$ qvm-create -P foo -l red -t fedora-23 work", "--> Using TemplateVM: fedora-23", "--> Creating volatile image"], result.Output);
        Assert.Equal(result.Output, _progress);
    }

    [Fact]
    public async Task Root_Create_RunsQvmCreateAsTheConfiguredUserThroughRunuser()
    {
        StandIn("ok\n");

        var result = await Create(Work with { Type = VmType.StandaloneAppVm, MemoryMb = 800, Vcpus = 2, Internal = true }, isRoot: true);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(["-u", "alice", "--", Path.Combine(_bin, "qvm-create"), "-P", "foo", "-l", "red", "-s", "-t", "fedora-23", "-m", "800", "-c", "2", "-i", "work"],
            File.ReadAllLines(RunuserArgvFile));
        Assert.Equal(["-P", "foo", "-l", "red", "-s", "-t", "fedora-23", "-m", "800", "-c", "2", "-i", "work"], File.ReadAllLines(ArgvFile));
    }

    [Fact]
    public async Task ShellCharactersInPoolName_Create_ArePassedAsOneArgumentAndNeverRun()
    {
        StandIn("ok\n");
        var marker = Path.Combine(_bin, "pwned");

        var result = await Create(Work with { Pool = $"x; touch {marker}" });

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal($"x; touch {marker}", File.ReadAllLines(ArgvFile)[1]);
        Assert.False(File.Exists(marker));
    }

    [Theory]
    [InlineData("ERROR: Uknown storage pool foo", "Qubes does not know a pool named 'foo'")]
    [InlineData("A VM with the name 'work' already exists in the system.", "A VM named 'work' already exists")]
    [InlineData("There is no (Template)VM with the name 'fedora-23'", "There is no template named 'fedora-23'")]
    [InlineData("VM 'work' is not a TemplateVM", "'work' is not a TemplateVM")]
    [InlineData("*** Running this tool as root is strongly discouraged, this will lead you in permissions problems.", "qvm-create refuses to run as root")]
    [InlineData("Traceback: something else", "qvm-create failed with exit code 1")]
    public async Task QubesError_Create_IsMappedToAPlainMessageAndFullOutputKept(string stderr, string expected)
    {
        StandIn("--> Using TemplateVM: fedora-23\n", stderr + "\n", exit: 1);

        var result = await Create(Work);

        Assert.False(result.Succeeded);
        Assert.StartsWith(expected, result.Message);
        Assert.Contains(stderr, result.Output);
        Assert.Contains("--> Using TemplateVM: fedora-23", result.Output);
    }

    [Fact]
    public async Task RootWithoutUser_Create_IsRefusedWithoutRunningAnything()
    {
        StandIn("ok\n");

        var result = await new Dom0VmCreator(new Dom0VmCreatorOptions { SearchPath = SearchPath, IsRoot = true })
            .CreateAsync(Work, new SyncProgress(_progress.Add));

        Assert.False(result.Succeeded);
        Assert.Contains("Set Console:QvmCreateUser", result.Message);
        Assert.False(File.Exists(ArgvFile));
    }

    [Fact]
    public async Task NotRootButOtherUserConfigured_Create_SaysItCannotSwitchUser()
    {
        StandIn("ok\n");

        var result = await Create(Work, isRoot: false, user: "someone-else");

        Assert.False(result.Succeeded);
        Assert.Contains("cannot run qvm-create as 'someone-else'", result.Message);
        Assert.False(File.Exists(ArgvFile));
    }

    [Fact]
    public async Task NoQvmCreate_Create_SaysItOnlyWorksInDom0()
    {
        var result = await Create(Work);

        Assert.False(result.Succeeded);
        Assert.Contains("qvm-create was not found", result.Message);
    }
}
