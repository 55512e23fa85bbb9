using QubesPoolConsole.Core.Qubesd.Backend;
using QubesPoolConsole.Core.Qubesd.Vms;
using QubesPoolConsole.Core.Qubesd.Volumes;
using QubesPoolConsole.Core.Qubesd.Wire;
using QubesPoolConsole.Server.Configuration;

namespace QubesPoolConsole.Server.Cli;

/// <summary>
/// The VM commands over qubesd: <c>vms</c> lists every VM's volumes through Core's <see cref="R4VmVolumeReader"/>;
/// <c>vm create</c> is judged by <see cref="R4VmPlanner"/> (findings print as <c>error: MESSAGE [code]</c>), printed
/// by <c>--dry-run</c>, and otherwise created by <see cref="R4VmCreator"/> with its progress, as the New VM page does.
/// </summary>
public static class R4VmCliCommand
{
    /// <summary><c>vms [--json]</c>: 0 when the VM list was read (VMs may carry errors), 2 when it was not.</summary>
    public static async Task<int> VmsAsync(CliRequest request, IQubesdClient client, ConsoleBackend backend, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var listing = await new R4VmVolumeReader(client).ReadAsync(cancellationToken);
        int exit = listing.IsLoaded ? ExitCodes.Ok : ExitCodes.Unreadable;
        if (request.Json)
        {
            stdout.Write(R4VmsJson.Write(listing, backend));
            return exit;
        }
        if (listing.Error is { } error)
        {
            stderr.WriteLine($"error: {PoolsText.OneLine(error)} (qubesd at {backend.SocketPath})");
            return exit;
        }
        stdout.Write(R4VmsText.Table(listing));
        return exit;
    }

    /// <summary>
    /// <c>vm create NAME --label L ...</c> on the pools as <paramref name="view"/> read them: 0 created or a dry
    /// run, 1 refused (nothing sent) or qubesd failed.
    /// </summary>
    public static async Task<int> CreateAsync(CliRequest request, R4PoolReader reader, R4PoolsView view, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var vm = ToRequest(request);
        var analysis = await R4VmPlanner.PlanAsync(reader.Client, view, vm, cancellationToken);
        foreach (var f in analysis.Findings) stderr.WriteLine(R4PlanText.Line(f));
        if (!analysis.Accepted) return ExitCodes.Refused;
        if (request.DryRun)
        {
            stdout.Write(R4VmPlanText.Plan(analysis.Plan));
            return ExitCodes.Ok;
        }

        // The creator reads and plans again just before sending, so a change since the plan above still refuses.
        var outcome = await new R4VmCreator(reader).CreateAsync(vm, new LineProgress(stdout), cancellationToken);
        if (outcome.Succeeded)
        {
            stdout.WriteLine(outcome.Message);
            stdout.Write(R4VmPlanText.Volumes(outcome.Volumes));
            return ExitCodes.Ok;
        }
        if (outcome.Status == R4VmCreateStatus.Refused)
        {
            foreach (var f in outcome.Errors) stderr.WriteLine(R4PlanText.Line(f));
        }
        stderr.WriteLine("error: " + PoolsText.OneLine(outcome.Message));
        return ExitCodes.Refused;
    }

    /// <summary>The Core request the command line describes.</summary>
    public static R4VmRequest ToRequest(CliRequest request)
    {
        var o = request.Vm ?? CliVmOptions.None;
        var pools = o.Pools.Count > 0 ? o.Pools.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal) : null;
        return new R4VmRequest(request.Arguments[0], o.Label ?? "", o.Class ?? "AppVM", o.Template, o.Pool, pools);
    }

    // Progress<T> would post lines to the thread pool, out of order with the outcome; these are written at once.
    private sealed class LineProgress(TextWriter stdout) : IProgress<string>
    {
        public void Report(string value) => stdout.WriteLine(PoolsText.OneLine(value));
    }
}
