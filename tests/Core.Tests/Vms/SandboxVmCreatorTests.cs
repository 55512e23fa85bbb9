using System.Diagnostics;

namespace QubesPoolConsole.Core.Tests.Vms;

public sealed class SandboxVmCreatorTests : IDisposable
{
    private const long GiB = 1024L * 1024 * 1024;
    private readonly VmSandbox _sandbox = new();
    private readonly List<string> _progress = [];

    public void Dispose() => _sandbox.Dispose();

    private static VmRequest Request(VmType type, string name = "banking", string pool = "fast")
        => new() { Name = name, Label = "green", Type = type, Template = VmTypeInfo.Of(type).NeedsTemplate ? "fedora-23" : null, Pool = pool };

    private Task<VmCreationResult> Create(VmRequest request, SandboxVmCreator? creator = null)
        => (creator ?? new SandboxVmCreator(_sandbox.Catalog)).CreateAsync(request, new SyncProgress(_progress.Add));

    [Fact]
    public async Task TemplateBasedAppVm_InNonDefaultPool_CreatesExactFilesSparselyAndRecordsIt()
    {
        var result = await Create(Request(VmType.TemplateBasedAppVm));

        Assert.True(result.Succeeded, result.Message);
        var dir = Path.Combine(_sandbox.FastDir, "appvms", "banking");
        Assert.Equal(["appvms", "appvms/banking", "appvms/banking/banking.conf", "appvms/banking/icon.png", "appvms/banking/kernels",
            "appvms/banking/private.img", "appvms/banking/volatile.img"], TempConsoleFiles.Tree(_sandbox.FastDir));
        Assert.Equal(2 * GiB, new FileInfo(Path.Combine(dir, "private.img")).Length);
        Assert.Equal(23 * GiB / 2, new FileInfo(Path.Combine(dir, "volatile.img")).Length);
        Assert.Equal(0, SparseFiles.AllocatedBytes(Path.Combine(dir, "volatile.img")));
        Assert.InRange(SparseFiles.AllocatedBytes(Path.Combine(dir, "private.img"))!.Value, 8192, 64 * 1024);
        Assert.Equal(Du(Path.Combine(dir, "private.img")), SparseFiles.AllocatedBytes(Path.Combine(dir, "private.img"))! / 1024);
        Assert.Equal(TemplateBytes(), ReadAt(Path.Combine(dir, "private.img")));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(Path.Combine(dir, "icon.png"))[..4]);

        var vm = QubesXmlReader.Read(_sandbox.QubesXmlPath).Collection.Find("banking")!;
        Assert.Equal(("QubesAppVm", "fast", "green", 1, "fedora-23", 3, dir), (vm.ElementType, vm.PoolName, vm.Label, vm.TemplateQid, vm.TemplateName, vm.Qid, vm.DirPath));
        Assert.Contains($"--> Copying the template's private.img: {_sandbox.TemplateDir}/private.img", _progress);
        Assert.Equal(_progress, result.Output);
    }

    [Fact]
    public async Task NewVm_QubesXml_StaysValidForPythonAndKeepsEveryOtherLine()
    {
        var result = await Create(Request(VmType.NetVm));

        Assert.True(result.Succeeded, result.Message);
        var text = File.ReadAllText(_sandbox.QubesXmlPath);
        var added = text.Split('\n').Except(_sandbox.QubesXml.Split('\n')).ToList();
        Assert.Equal(
            $"  <QubesNetVm conf_file=\"banking.conf\" dir_path=\"{_sandbox.FastDir}/servicevms/banking\" internal=\"False\" label=\"green\" name=\"banking\" netid=\"2\" pool_name=\"fast\" qid=\"3\" template_qid=\"1\"/>",
            Assert.Single(added));
        Assert.Equal(_sandbox.QubesXml.Split('\n').Length + 1, text.Split('\n').Length);
        var python = Run("python3", "-c", "import xml.dom.minidom,sys; d=xml.dom.minidom.parse(sys.argv[1]); print(len(d.documentElement.getElementsByTagName('QubesNetVm')))", _sandbox.QubesXmlPath);
        Assert.Equal("2", python.Trim());
    }

    [Fact]
    public async Task TemplateVm_Created_HasSparseRootRootCowAndVolatileInVmTemplates()
    {
        var result = await Create(Request(VmType.TemplateVm, "my-template"));

        Assert.True(result.Succeeded, result.Message);
        var dir = Path.Combine(_sandbox.FastDir, "vm-templates", "my-template");
        foreach (var (file, size) in new[] { ("private.img", 2 * GiB), ("root.img", 20 * GiB), ("volatile.img", 43 * GiB / 2), ("root-cow.img", 20 * GiB) })
        {
            Assert.Equal(size, new FileInfo(Path.Combine(dir, file)).Length);
            Assert.Equal(0, SparseFiles.AllocatedBytes(Path.Combine(dir, file)));
        }
        var vm = QubesXmlReader.Read(_sandbox.QubesXmlPath).Collection.Find("my-template")!;
        Assert.True(vm.IsTemplate);
        Assert.Null(vm.TemplateQid);
    }

    [Fact]
    public async Task FailureHalfWay_AfterImages_LeavesNothingBehindAndQubesXmlUnchanged()
    {
        var creator = new SandboxVmCreator(_sandbox.Catalog)
        {
            BeforeStep = step => { if (step == "qubes.xml") throw new IOException("disk went away"); },
        };

        var result = await Create(Request(VmType.StandaloneAppVm), creator);

        Assert.False(result.Succeeded);
        Assert.Equal("disk went away", result.Message);
        Assert.False(Directory.Exists(_sandbox.FastDir)); // it created fast/ itself, so it removed it too
        Assert.Equal(_sandbox.QubesXml, File.ReadAllText(_sandbox.QubesXmlPath));
        Assert.Contains(_progress, l => l.StartsWith("--> Removed ", StringComparison.Ordinal) && l.EndsWith("root.img", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MissingTemplateImage_InExistingPool_FailsAndRemovesOnlyWhatItMade()
    {
        File.Delete(Path.Combine(_sandbox.TemplateDir, "private.img"));
        Directory.CreateDirectory(Path.Combine(_sandbox.DefaultDir, "appvms", "other"));

        var result = await Create(Request(VmType.TemplateBasedAppVm, pool: "default"));

        Assert.False(result.Succeeded);
        Assert.Contains("private.img does not exist", result.Message);
        Assert.Equal(["other"], TempConsoleFiles.Tree(Path.Combine(_sandbox.DefaultDir, "appvms")));
        Assert.Equal(_sandbox.QubesXml, File.ReadAllText(_sandbox.QubesXmlPath));
    }

    [Fact]
    public async Task ExistingDirectory_IsNeverOverwritten()
    {
        var dir = Path.Combine(_sandbox.FastDir, "appvms", "banking");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "keep.txt"), "x");

        var result = await Create(Request(VmType.TemplateBasedAppVm));

        Assert.False(result.Succeeded);
        Assert.Contains("already exists", result.Message);
        Assert.Equal("x", File.ReadAllText(Path.Combine(dir, "keep.txt")));
    }

    [Theory]
    [InlineData("work", "fast", "A VM named 'work' already exists")]
    [InlineData("disp3", "fast", "reserved")]
    [InlineData("banking", "nope", "Qubes does not know a pool named 'nope'")]
    public async Task InvalidRequest_IsRefusedBeforeAnyFileIsMade(string name, string pool, string expected)
    {
        var result = await Create(Request(VmType.TemplateBasedAppVm, name, pool));

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Message);
        Assert.Empty(TempConsoleFiles.Tree(_sandbox.FastDir));
        Assert.Equal(_sandbox.QubesXml, File.ReadAllText(_sandbox.QubesXmlPath));
    }

    [Fact]
    public async Task TwoCreations_AtOnce_BothRecordedWithDistinctQids()
    {
        var creator = new SandboxVmCreator(_sandbox.Catalog);
        var a = creator.CreateAsync(Request(VmType.StandaloneHvm, "one"), new SyncProgress(_ => { }));
        var b = creator.CreateAsync(Request(VmType.StandaloneHvm, "two"), new SyncProgress(_ => { }));

        var results = await Task.WhenAll(a, b);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Message));
        var inventory = QubesXmlReader.Read(_sandbox.QubesXmlPath).Collection;
        Assert.Equal([3, 5], new[] { inventory.Find("one")!.Qid, inventory.Find("two")!.Qid }.Order());
    }

    private byte[] TemplateBytes() => ReadAt(Path.Combine(_sandbox.TemplateDir, "private.img"));

    private static byte[] ReadAt(string path)
    {
        using var fs = File.OpenRead(path);
        fs.Position = GiB;
        var buffer = new byte[8192];
        fs.ReadExactly(buffer);
        return buffer;
    }

    private static long Du(string path) => long.Parse(Run("du", "-k", path).Split('\t')[0]);

    internal static string Run(string program, params string[] args)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{program} failed: {error}");
        return output;
    }
}

/// <summary>Reports synchronously (Progress&lt;T&gt; posts to the thread pool, so lines could arrive after the result).</summary>
public sealed class SyncProgress(Action<string> report) : IProgress<string>
{
    public void Report(string value)
    {
        lock (this) report(value);
    }
}
