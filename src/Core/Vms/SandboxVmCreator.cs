using System.Text;
using QubesPoolConsole.Core.Pools;
using QubesPoolConsole.Core.Storage;

namespace QubesPoolConsole.Core.Vms;

/// <summary>
/// The sandbox backend: does on disk what Qubes R3.2's qvm-create and xen storage do, in the chosen pool's dir_path —
/// the VM's directory by type, sparse images of the right sizes (private.img copied sparsely from the template), the
/// configuration file and icon — then records the VM in qubes.xml (temp file and rename, under an exclusive lock).
/// On any failure it removes everything it created.
/// </summary>
public sealed class SandboxVmCreator(PoolCatalog catalog) : IVmCreator
{
    /// <summary>How long to wait for another writer of qubes.xml.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Test seam: runs before each step (named by the file it makes, or "qubes.xml"); throwing there simulates a failure half-way.</summary>
    internal Action<string>? BeforeStep { get; set; }

    /// <inheritdoc />
    public string Description =>
        $"Sandbox: the console itself creates the VM's directory and sparse images in the pool's dir_path, as Qubes R3.2 does, and records the VM in {catalog.QubesXmlPath}.";

    /// <inheritdoc />
    public async Task<VmCreationResult> CreateAsync(VmRequest request, IProgress<string> progress, CancellationToken cancellationToken = default)
    {
        var output = new List<string>();
        void Say(string line)
        {
            lock (output) output.Add(line);
            progress.Report(line);
        }
        VmCreationResult Fail(string message)
        {
            Say("ERROR: " + message);
            lock (output) return VmCreationResult.Failure(message, output.ToList());
        }
        VmCreationResult Succeed(string message)
        {
            lock (output) return VmCreationResult.Success(message, output.ToList());
        }

        var snapshot = catalog.Read();
        if (!snapshot.IsReadable) return Fail("storage.conf cannot be read as Qubes reads it, so no pool can be used; fix it on the pools page first.");
        var pool = snapshot.Pools.FirstOrDefault(p => p.Name == request.Pool);
        if (pool is null) return Fail($"Qubes does not know a pool named '{request.Pool}': storage.conf has no such section (apply pending pool changes first).");
        if (!pool.IsXen || pool.DirPath is null) return Fail($"Pool '{pool.Name}' is not a xen pool with a dir_path; the sandbox can only create VMs in xen pools.");

        QubesXmlLock xmlLock;
        try
        {
            xmlLock = await QubesXmlLock.AcquireAsync(catalog.QubesXmlPath, LockTimeout, cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Fail($"{catalog.QubesXmlPath} does not exist, so the VM cannot be recorded.");
        }
        catch (Exception ex) when (ex is TimeoutException or IOException or UnauthorizedAccessException)
        {
            return Fail(ex.Message);
        }
        using (xmlLock)
        {
            return await Task.Run(() => CreateLocked(request, snapshot, pool.DirPath.Value, xmlLock, Say, Fail, Succeed, cancellationToken), cancellationToken);
        }
    }

    private VmCreationResult CreateLocked(VmRequest request, PoolsSnapshot snapshot, string poolDir, QubesXmlLock xmlLock,
        Action<string> say, Func<string, VmCreationResult> fail, Func<string, VmCreationResult> succeed, CancellationToken cancellationToken)
    {
        var bytes = new byte[xmlLock.Stream.Length];
        xmlLock.Stream.ReadExactly(bytes);
        var xml = Encoding.UTF8.GetString(bytes);
        var read = QubesXmlReader.Parse(new MemoryStream(bytes));
        if (!read.Ok) return fail(read.Error!);
        var inventory = read.Collection;
        var problems = VmRequestRules.Problems(request, inventory);
        if (problems.Count > 0) return fail(string.Join(" ", problems));

        var type = request.TypeInfo;
        VmInfo? template = type.NeedsTemplate ? inventory.Find(request.Template!) : null;
        string? templateDir = null;
        if (template is not null)
        {
            var templatePool = snapshot.Pools.FirstOrDefault(p => p.Name == template.PoolName)?.DirPath?.Value;
            if (templatePool is null) return fail($"The template '{template.Name}' is in pool '{template.PoolName}', which storage.conf does not define.");
            templateDir = VmLayout.DirectoryOf(template, templatePool);
        }
        var plan = VmLayout.Plan(request, poolDir, templateDir);
        var created = new Stack<string>();
        try
        {
            if (template is not null) say($"--> Using TemplateVM: {template.Name}");
            if (!Directory.Exists(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(poolDir))))
            {
                throw new StepFailed($"The parent of pool '{request.Pool}''s dir_path {poolDir} does not exist; Qubes creates dir_path but not its parents.");
            }
            MakeDirectory(poolDir, created);
            MakeDirectory(Path.Combine(poolDir, type.Folder), created);
            Step("directory");
            say($"--> Creating directory: {plan.Directory}");
            if (Directory.Exists(plan.Directory) || File.Exists(plan.Directory))
            {
                throw new StepFailed($"{plan.Directory} already exists (left over from an earlier VM?); the console never overwrites it. Move it away or choose another name.");
            }
            MakeDirectory(plan.Directory, created);
            foreach (var item in plan.Items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Step(item.Name);
                var path = Path.Combine(plan.Directory, item.Name);
                switch (item.Kind)
                {
                    case PlannedItemKind.CopiedImage:
                        say($"--> Copying the template's {item.Name}: {item.Source}");
                        if (!File.Exists(item.Source)) throw new StepFailed($"The template's image {item.Source} does not exist, so it cannot be copied.");
                        created.Push(path);
                        SparseFiles.Copy(item.Source!, path, cancellationToken);
                        break;
                    case PlannedItemKind.SparseImage:
                        say($"--> Creating {item.Name}: {DiskSpace.Format(item.Bytes)}, sparse");
                        created.Push(path);
                        SparseFiles.Create(path, item.Bytes!.Value);
                        break;
                    case PlannedItemKind.Directory:
                        MakeDirectory(path, created);
                        break;
                    default:
                        created.Push(path);
                        File.WriteAllBytes(path, ContentOf(item, request));
                        break;
                }
            }

            Step("qubes.xml");
            int qid = QubesXmlEditor.NextQid(inventory);
            int? netId = type.Type is VmType.NetVm or VmType.ProxyVm ? QubesXmlEditor.NextNetId(xml) : null;
            var attributes = QubesXmlEditor.AttributesFor(request, qid, template?.Qid, plan.Directory, netId);
            var newXml = QubesXmlEditor.AddDomain(xml, type.ElementType, attributes);
            var check = QubesXmlReader.Parse(new MemoryStream(Encoding.UTF8.GetBytes(newXml)));
            if (!check.Ok || check.Collection.Find(request.Name) is null) throw new InvalidOperationException("The edited qubes.xml does not read back: " + check.Error);
            say($"--> Recording {request.Name} in qubes.xml: {type.ElementType}, qid {qid}, pool {request.Pool}");
            AtomicFileWriter.Write(catalog.QubesXmlPath, Encoding.UTF8.GetBytes(newXml));
        }
        catch (Exception ex) when (ex is StepFailed or IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            Remove(created, say);
            return fail(ex is OperationCanceledException ? "Creation was cancelled." : ex.Message);
        }
        say($"--> Created {request.Name}.");
        return succeed($"Created {type.DisplayName} '{request.Name}' in pool '{request.Pool}' at {plan.Directory}.");
    }

    private void Step(string name) => BeforeStep?.Invoke(name);

    private static void MakeDirectory(string path, Stack<string> created)
    {
        var full = Path.TrimEndingDirectorySeparator(path);
        if (Directory.Exists(full)) return;
        Directory.CreateDirectory(full);
        created.Push(full + "/");
    }

    private static void Remove(Stack<string> created, Action<string> say)
    {
        while (created.TryPop(out var path))
        {
            try
            {
                if (path.EndsWith('/')) Directory.Delete(path.TrimEnd('/'), recursive: false);
                else File.Delete(path);
                say($"--> Removed {path.TrimEnd('/')}");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                say($"--> Could not remove {path}: {ex.Message}");
            }
        }
    }

    private static byte[] ContentOf(PlannedItem item, VmRequest request)
        => item.Name == "icon.png"
            ? LabelIcon.Png(VmLabel.Find(request.Label)!)
            : Encoding.UTF8.GetBytes($"<!-- Sandbox stand-in: Qubes R3.2 writes the libvirt configuration of {request.Name} here when it starts the VM. -->\n");

    private sealed class StepFailed(string message) : Exception(message);
}
