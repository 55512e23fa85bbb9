using QubesPoolConsole.Core.Pools;
using QubesPoolConsole.Core.Storage;

namespace QubesPoolConsole.Core.Vms;

/// <summary>The wizard's service over the pool catalog, a space probe and a creation backend.</summary>
/// <param name="catalog">storage.conf and qubes.xml.</param>
/// <param name="creator">The backend that creates VMs.</param>
/// <param name="probe">Reads free space of a directory (defaults to statvfs).</param>
public sealed class VmCreationService(PoolCatalog catalog, IVmCreator creator, Func<string, SpaceInfo>? probe = null) : IVmCreationService
{
    private readonly Func<string, SpaceInfo> _probe = probe ?? DiskSpace.Probe;

    /// <inheritdoc />
    public string BackendDescription => creator.Description;

    /// <inheritdoc />
    public NewVmContext Load()
    {
        var snapshot = catalog.Read();
        string? problem = !snapshot.Inventory.Ok
            ? snapshot.Inventory.Error + " New VMs cannot be checked against the existing ones, so the wizard is closed until it can be read."
            : !snapshot.IsReadable
                ? "Qubes cannot read storage.conf as it is, so no pool can be chosen; fix it on the pools page first."
                : null;
        var pools = snapshot.Pools
            .OrderByDescending(p => p.IsDefault)
            .Select(p => Choice(p, snapshot))
            .ToList();
        return new NewVmContext(snapshot, pools, problem);
    }

    /// <inheritdoc />
    public VmReview Review(VmRequest request, NewVmContext context)
    {
        var problems = VmRequestRules.Problems(request, context.Inventory).ToList();
        var pool = context.Pool(request.Pool);
        if (pool is null) problems.Add($"There is no pool named '{request.Pool}' in storage.conf.");
        else if (!pool.Selectable) problems.Add($"Pool '{pool.Name}' cannot be used: {pool.UnavailableReason}");
        if (context.Problem is { } p) problems.Insert(0, p);

        string? templateDir = null;
        if (request.TypeInfo.NeedsTemplate && request.Template is { } t && context.Inventory.Find(t) is { } template
            && context.Pool(template.PoolName)?.DirPath is { } templatePoolDir)
        {
            templateDir = VmLayout.DirectoryOf(template, templatePoolDir);
        }
        var plan = VmLayout.Plan(request, pool?.DirPath ?? "/", templateDir);
        var (fits, message) = SpaceCheck(plan.MaxBytes, pool);
        return new VmReview(request, QvmCreateCommand.For(request), plan, pool, fits, message, problems);
    }

    /// <inheritdoc />
    public Task<VmCreationResult> CreateAsync(VmRequest request, IProgress<string> progress, CancellationToken cancellationToken = default)
        => creator.CreateAsync(request, progress, cancellationToken);

    private static (bool Fits, string Message) SpaceCheck(long maxBytes, PoolChoice? pool)
    {
        var max = DiskSpace.Format(maxBytes);
        if (pool is null || !pool.Space.Known || pool.Space.AvailableBytes is not { } free)
        {
            return (false, $"The VM's images can grow to {max}; the pool's free space is unknown, so the console cannot check that it fits.");
        }
        return maxBytes <= free
            ? (true, $"The VM's images can grow to {max}; the pool's file system has {DiskSpace.Format(free)} free, so it fits.")
            : (false, $"The VM's images can grow to {max}, but only {DiskSpace.Format(free)} is free on the pool's file system. The images are sparse, so creation works, but the VM may run out of space as it fills.");
    }

    private PoolChoice Choice(EffectivePool pool, PoolsSnapshot snapshot)
    {
        int vms = snapshot.VmsIn(pool.Name).Count;
        var dir = pool.DirPath?.Value;
        var none = new SpaceInfo(null, null, "no directory");
        if (snapshot.DiagnosticsFor(pool.Name).FirstOrDefault(d => d.IsError) is { } error)
        {
            return new PoolChoice(pool.Name, pool.IsDefault, dir, dir is null ? none : _probe(dir), vms, error.Message);
        }
        if (!pool.IsXen)
        {
            return new PoolChoice(pool.Name, pool.IsDefault, dir, dir is null ? none : _probe(dir), vms,
                $"It uses {pool.DriverDisplay}, not the built-in xen driver; the console can only plan VMs in xen pools.");
        }
        if (dir is null) return new PoolChoice(pool.Name, pool.IsDefault, null, none, vms, "It has no dir_path.");
        var space = _probe(dir);
        if (space.Known) return new PoolChoice(pool.Name, pool.IsDefault, dir, space, vms, null);
        var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(dir));
        if (!Directory.Exists(dir) && !File.Exists(dir) && parent is not null && Directory.Exists(parent))
        {
            return new PoolChoice(pool.Name, pool.IsDefault, dir, _probe(parent), vms, null, $"{dir} does not exist yet; Qubes creates it with the first VM.");
        }
        return new PoolChoice(pool.Name, pool.IsDefault, dir, space, vms, $"Its directory {dir} cannot be used: {space.UnknownReason}.");
    }
}
