using System.Text.RegularExpressions;
using QubesPoolConsole.Core.Qubesd.Backend;
using QubesPoolConsole.Core.Qubesd.Pools;
using QubesPoolConsole.Core.Qubesd.Wire;

namespace QubesPoolConsole.Core.Qubesd.Vms;

/// <summary>
/// Judges a <see cref="R4VmRequest"/> against what qubesd says before anything is sent, the way
/// <c>_vm_create</c> (qubes/api/admin.py) and <c>_patch_pool_config</c> (qubes/vm/qubesvm.py) would: Qubes' name
/// rules, existing names, labels, the template, the pools, and that a snapshot volume (an AppVM's root) cannot
/// move out of its template's pool. Only read calls are made.
/// </summary>
public static partial class R4VmPlanner
{
    private const long Gib = 1L << 30;
    private const string KernelDriver = "linux-kernel";

    /// <summary>The volumes of a new VM in Qubes' order.</summary>
    public static readonly IReadOnlyList<string> VolumeNames = ["root", "private", "volatile", "kernel"];

    /// <summary>
    /// The classes the console creates. Not DispVM: its root and private are snapshots of a disposable template's
    /// (an AppVM with template_for_dispvms), which the planner does not read yet.
    /// </summary>
    public static readonly IReadOnlyList<string> Classes = ["AppVM", "TemplateVM", "StandaloneVM"];

    /// <summary>Reads labels, VMs and (when needed) the template's root, then plans <paramref name="request"/>.</summary>
    public static async Task<R4VmAnalysis> PlanAsync(IQubesdClient client, R4PoolsView view, R4VmRequest request, CancellationToken cancellationToken = default)
    {
        var findings = new List<R4Finding>();
        var labelsTask = client.CallAsync("admin.label.List", cancellationToken: cancellationToken);
        var vmsTask = client.VmListAsync(cancellationToken);
        var labels = QubesdReplyText.Lines(await labelsTask.ConfigureAwait(false));
        var vms = await vmsTask.ConfigureAwait(false);

        if (request.Class == "DispVM")
            findings.Add(R4Finding.Error(R4Codes.VmClassUnknown, "The console does not create named disposables yet; use qvm-create --class DispVM --template DISPOSABLE-TEMPLATE NAME in dom0."));
        else if (!Classes.Contains(request.Class))
            findings.Add(R4Finding.Error(R4Codes.VmClassUnknown, $"The console creates AppVM, TemplateVM or StandaloneVM, not {request.Class}."));
        if (request.Pool is not null && (request.Pools?.Count ?? 0) > 0)
            findings.Add(R4Finding.Error(R4Codes.VmPoolMixed, "Only one of 'pool=' and 'pool:volume=' can be used: choose one pool for all volumes or pools per volume."));
        if (NameProblem(request.Name) is { } problem) findings.Add(R4Finding.Error(R4Codes.VmNameInvalid, problem));
        if (vms.IsOk && vms.Value!.Any(v => v.Name == request.Name))
            findings.Add(R4Finding.Error(R4Codes.VmExists, $"VM {request.Name} already exists; choose another name."));
        if (labels.IsOk && !labels.Value!.Contains(request.Label))
            findings.Add(R4Finding.Error(R4Codes.LabelUnknown, $"Label does not exist: {request.Label}. Labels: {string.Join(", ", labels.Value!)}."));

        // An AppVM or DispVM without a template gets default_template; its root is a snapshot of the template's.
        bool based = request.Class is "AppVM" or "DispVM";
        var template = string.IsNullOrEmpty(request.Template) ? null : request.Template;
        if (based && template is null)
        {
            var d = await client.PropertyGetAsync("default_template", cancellationToken).ConfigureAwait(false);
            if (d.IsOk && d.Value!.Value is { Length: > 0 } v) template = v;
        }
        (string Pool, long? Size)? templateRoot = null;
        if (template is not null && !based)
            findings.Add(R4Finding.Error(R4Codes.TemplateUnknown, $"{request.Class} cannot be based on template"));
        else if (template is not null && vms.IsOk && !vms.Value!.Any(v => v.Name == template && v.Class == "TemplateVM"))
            findings.Add(R4Finding.Error(R4Codes.TemplateUnknown, $"No such template: {template}."));
        else if (template is not null)
        {
            var info = await client.VmVolumeInfoAsync(template, "root", cancellationToken).ConfigureAwait(false);
            if (info.IsOk && info.Value!["pool"] is { Length: > 0 } pool) templateRoot = (pool, info.Value.GetInt64("size"));
        }

        var pools = view.State?.Pools;
        foreach (var named in (request.Pool is { } one ? [one] : Array.Empty<string>()).Concat(request.Pools?.Values ?? []).Distinct())
        {
            if (pools is not null && pools.Find(named) is null)
                findings.Add(R4Finding.Error(R4Codes.VmPoolUnknown, $"Unknown storage pool {named}", named));
        }
        foreach (var vol in request.Pools?.Keys ?? [])
        {
            if (!VolumeNames.Contains(vol))
                findings.Add(R4Finding.Error(R4Codes.VolumeUnknown, $"A VM has no volume {vol}; choose root, private, volatile or kernel.", option: vol));
        }

        var volumes = new List<R4VmVolumePlan>();
        foreach (var vol in VolumeNames)
        {
            if (vol == "root" && templateRoot is { } root)
            {
                if (request.Pools?.TryGetValue("root", out var wanted) == true && wanted != root.Pool)
                {
                    findings.Add(R4Finding.Error(R4Codes.SnapshotCannotMove,
                        $"Snapshot volume root must be in the same pool as its origin (root volume of template {template}), "
                        + $"cannot move to pool {wanted}: an {request.Class}'s root is a snapshot of its template's root, in {root.Pool}.", wanted, "root"));
                }
                volumes.Add(new R4VmVolumePlan("root", root.Pool, $"stays with its template {template} (snapshot)", root.Size));
                continue;
            }
            long? size = vol switch { "root" => 10 * Gib, "private" => 2 * Gib, "volatile" => 10 * Gib, _ => null };
            // pool= moves only rw volumes; the kernel is read-only and keeps its default.
            if (request.Pool is { } all && vol != "kernel") volumes.Add(new R4VmVolumePlan(vol, all, "given (-P)", size));
            else if (request.Pools?.TryGetValue(vol, out var p) == true) volumes.Add(new R4VmVolumePlan(vol, p, "given", size));
            else
            {
                var (property, pool) = DefaultFor(view, vol);
                volumes.Add(new R4VmVolumePlan(vol, pool, $"default ({property})", size));
            }
        }

        foreach (var v in volumes.Where(v => v.Pool is not null && v.Why.StartsWith("given", StringComparison.Ordinal)))
        {
            bool kernelPool = pools?.Find(v.Pool!)?.Driver == KernelDriver;
            if (v.Volume != "kernel" && kernelPool)
            {
                findings.Add(R4Finding.Error(R4Codes.KernelPoolOnly,
                    $"Pool {v.Pool} (linux-kernel) holds only the kernels dom0 provides; the {v.Volume} volume is writable and qubesd would refuse it (an empty reply). Choose another pool for {v.Volume}.", v.Pool, v.Volume));
            }
            else if (v.Volume == "kernel" && !kernelPool)
            {
                findings.Add(R4Finding.Warning(R4Codes.KernelNotInKernelPool,
                    $"Pool {v.Pool} is not a linux-kernel pool: the VM's kernel volume would be an empty read-only image there instead of the kernel dom0 provides.", v.Pool, "kernel"));
            }
        }

        var free = new Dictionary<string, long?>(StringComparer.Ordinal);
        foreach (var group in volumes.Where(v => v.Pool is not null).GroupBy(v => v.Pool!))
        {
            var data = view.Row(group.Key)?.Data;
            long? left = data is { Size: { } s, Used: { } u } ? s - u : null;
            free[group.Key] = left;
            long needed = group.Where(v => v.IsCreated).Sum(v => v.Size ?? 0);
            if (left is { } l && needed > l)
            {
                findings.Add(R4Finding.Warning(R4Codes.PoolTooSmall,
                    $"Pool {group.Key} has {l} bytes free, less than the {needed} bytes of default size of {string.Join(", ", group.Where(v => v.IsCreated).Select(v => v.Volume))}; "
                    + "images are sparse, so creating works, but the pool fills as the VM writes.", group.Key));
            }
        }
        var effective = request with { Template = string.IsNullOrEmpty(request.Template) ? null : request.Template };
        var plan = new R4VmPlan(R4VmCommands.QvmCreate(effective), R4VmCommands.Call(effective), volumes, free);
        return new R4VmAnalysis(findings, plan);
    }

    /// <summary>Why <c>qubes.vm.validate_name</c> refuses <paramref name="name"/> (its messages, in its order), or null.</summary>
    public static string? NameProblem(string name)
    {
        if (name.Length > 31) return "VM name must be shorter than 32 characters";
        if (LeadingChar().IsMatch(name)) return "VM name cannot start with hyphen, underscore, dot or numbers";
        if (!Allowed().IsMatch(name)) return "VM name contains illegal characters";
        if (name == "Domain-0") return "VM name cannot be 'Domain-0'";
        if (name is "none" or "default") return "VM name cannot be 'none' nor 'default'";
        return name.EndsWith("-dm", StringComparison.Ordinal) ? "VM name cannot end with -dm" : null;
    }

    private static (string Property, string? Pool) DefaultFor(R4PoolsView view, string volume)
    {
        var property = "default_pool_" + volume;
        var defaults = view.State?.Defaults;
        if (defaults is null) return (property, null);
        return (property, defaults[property].Value ?? defaults[R4DefaultPools.DefaultPool].Value);
    }

    [GeneratedRegex(@"\A[0-9_.-]", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingChar();

    [GeneratedRegex(@"\A[a-zA-Z][a-zA-Z0-9_.-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Allowed();
}
