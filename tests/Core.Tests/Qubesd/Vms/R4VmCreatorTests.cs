using QubesPoolConsole.Core.Qubesd.Vms;
using QubesPoolConsole.Core.Tests.Qubesd.Sandbox;
using QubesPoolConsole.Core.Tests.Vms;

namespace QubesPoolConsole.Core.Tests.Qubesd.Vms;

public sealed class R4VmCreatorTests : SandboxTests
{
    private static bool IsCreate(QubesdRequest r) => r.Method.StartsWith("admin.vm.Create", StringComparison.Ordinal);

    private async Task<(R4VmCreateOutcome Outcome, List<string> Methods, List<string> Progress)> CreateAsync(
        R4VmRequest request, Func<QubesdRequest, QubesdReply?>? answer = null, bool forward = false)
    {
        using var real = new QubesdClient(new QubesdClientOptions { SocketPath = Q.Socket });
        var client = new InterceptingClient(real) { Answer = answer ?? (_ => null), Forward = forward };
        var progress = new List<string>();
        var outcome = await new R4VmCreator(new R4PoolReader(client)).CreateAsync(request, new SyncProgress(progress.Add));
        return (outcome, client.Methods, progress);
    }

    [Fact]
    public async Task PerVolumePools_CreateTheVolumesWhereAskedAsSparseFiles()
    {
        var fast = await AddFilePoolAsync("fast");
        var (outcome, methods, progress) = await CreateAsync(new R4VmRequest("mail", "blue", Pools: new Dictionary<string, string> { ["private"] = "fast", ["volatile"] = "varlibqubes" }));

        Assert.Equal(R4VmCreateStatus.Created, outcome.Status);
        Assert.Equal("VM mail was created.", outcome.Message);
        Assert.Single(methods, "admin.vm.CreateInPool.AppVM");
        var pools = outcome.Volumes.ToDictionary(v => v.Name, v => v.Pool);
        Assert.Equal(("fast", "varlibqubes", "vm-pool"), (pools["private"], pools["volatile"], pools["root"]));
        Assert.Equal(2L << 30, outcome.Volumes.Single(v => v.Name == "private").Size);
        var image = Path.Combine(fast, "appvms/mail/private.img");
        Assert.Equal(2L << 30, new FileInfo(image).Length);
        Assert.True(SparseFiles.AllocatedBytes(image) < 1L << 20, "the private image is sparse");
        Assert.Contains("$ qvm-create --class AppVM --label blue --pool private=fast --pool volatile=varlibqubes mail", progress);
        Assert.Equal(progress, outcome.Lines);
    }

    [Fact]
    public async Task PlanWithErrors_SendsNoCreateAndSaysWhy()
    {
        var (outcome, methods, _) = await CreateAsync(new R4VmRequest("work", "pink"));

        Assert.Equal(R4VmCreateStatus.Refused, outcome.Status);
        Assert.DoesNotContain(methods, m => m.StartsWith("admin.vm.Create", StringComparison.Ordinal));
        Assert.Equal([R4Codes.VmExists, R4Codes.LabelUnknown], outcome.Errors.Select(e => e.Code));
        Assert.StartsWith("VM work was not created, nothing was sent to qubesd: VM work already exists", outcome.Message);
    }

    [Fact]
    public async Task QubesdFailure_WithNoVmLeft_SaysNothingIsLeftBehind()
    {
        var (outcome, methods, _) = await CreateAsync(new R4VmRequest("mail", "red"),
            r => IsCreate(r) ? QubesdReply.Exception("StoragePoolException", "No space left on device") : null);

        Assert.Equal(R4VmCreateStatus.FailedCleanly, outcome.Status);
        Assert.Equal("qubesd did not create VM mail: No space left on device. Nothing is left behind: no VM named mail exists.", outcome.Message);
        Assert.Equal("admin.vm.List", methods[^1]);
    }

    [Fact]
    public async Task EmptyReply_WithTheVmPresent_TellsHowToCheckAndRemoveIt()
    {
        var (outcome, _, _) = await CreateAsync(new R4VmRequest("mail", "red"), r => IsCreate(r) ? QubesdReply.Empty() : null, forward: true);

        Assert.Equal(R4VmCreateStatus.FailedLeftOver, outcome.Status);
        Assert.Equal($"qubesd did not create VM mail: {QubesdReply.EmptySentence}. A VM named mail exists now; check it with qvm-volume list mail "
            + "and remove it with qvm-remove mail if it is incomplete.", outcome.Message);
    }

    [Theory]
    [InlineData("DispVM", "The console does not create named disposables yet")]
    [InlineData("AdminVM", "The console creates AppVM, TemplateVM or StandaloneVM, not AdminVM.")]
    public async Task ClassTheConsoleDoesNotCreate_IsRefusedBeforeSending(string cls, string sentence)
    {
        var (outcome, methods, _) = await CreateAsync(new R4VmRequest("mail", "red", Class: cls));
        Assert.Equal(R4VmCreateStatus.Refused, outcome.Status);
        Assert.Contains(outcome.Errors, e => e.Code == R4Codes.VmClassUnknown && e.Message.StartsWith(sentence, StringComparison.Ordinal));
        Assert.DoesNotContain(methods, m => m.StartsWith("admin.vm.Create", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OnePoolAndPoolsPerVolume_AreRefusedTogether()
    {
        var (outcome, _, _) = await CreateAsync(new R4VmRequest("mail", "red", Pool: "varlibqubes", Pools: new Dictionary<string, string> { ["private"] = "vm-pool" }));
        Assert.Contains(outcome.Errors, e => e.Code == R4Codes.VmPoolMixed);
    }
}
