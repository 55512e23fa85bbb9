namespace QubesPoolConsole.Components.Tests.Vms;

/// <summary>
/// A bUnit context with a real <see cref="VmCreationService"/> over a temp storage.conf (pools default, fast, and
/// broken without dir_path) and qubes.xml (template fedora-23, AppVM work), fixed free space and a recording creator.
/// </summary>
public abstract class WizardTestContext : ComponentTestContext, IDisposable
{
    protected const long GiB = 1024L * 1024 * 1024;

    protected WizardTestContext()
    {
        Sandbox = new TempConsoleFiles(
            "[default]\ndriver=xen\n\n[fast]\ndriver=xen\ndir_path=/pools/fast\n\n[broken]\ndriver=xen\n",
            """
            <QubesVmCollection>
              <QubesTemplateVm qid="1" name="fedora-23" label="black" pool_name="default" template_qid="none"/>
              <QubesAppVm qid="2" name="work" label="blue" pool_name="default" template_qid="1"/>
              <QubesAppVm qid="3" name="vault" label="black" pool_name="fast" template_qid="1"/>
            </QubesVmCollection>
            """);
        Service = new VmCreationService(Sandbox.Catalog, Creator, dir => new SpaceInfo(200 * GiB, dir.StartsWith("/pools/fast", StringComparison.Ordinal) ? 3 * GiB : 100 * GiB, null));
        Services.AddSingleton<IVmCreationService>(Service);
    }

    protected TempConsoleFiles Sandbox { get; }
    protected RecordingCreator Creator { get; } = new();
    protected VmCreationService Service { get; }

    protected NewVmWizard Wizard(string? pool = null) => NewVmWizard.Start(Service.Load(), pool);

    void IDisposable.Dispose() => Sandbox.Dispose();

    /// <summary>Records requests and answers with the given lines and result.</summary>
    public sealed class RecordingCreator : IVmCreator
    {
        public List<VmRequest> Requests { get; } = [];
        public TaskCompletionSource<bool> Release { get; } = new();
        public bool Succeed { get; set; } = true;

        public string Description => "Test backend.";

        public async Task<VmCreationResult> CreateAsync(VmRequest request, IProgress<string> progress, CancellationToken cancellationToken = default)
        {
            Requests.Add(request);
            progress.Report("--> Creating directory: /pools/fast/appvms/" + request.Name);
            await Release.Task;
            var output = new[] { "--> Creating directory: /pools/fast/appvms/" + request.Name, Succeed ? "--> Created." : "ERROR: Uknown storage pool fast" };
            return Succeed
                ? VmCreationResult.Success($"Created '{request.Name}'.", output)
                : VmCreationResult.Failure("Qubes does not know a pool named 'fast'.", output);
        }
    }
}
