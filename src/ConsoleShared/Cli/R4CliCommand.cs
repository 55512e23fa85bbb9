using QubesPoolConsole.Core.Audit;
using QubesPoolConsole.Core.Qubesd.Backend;
using QubesPoolConsole.Core.Qubesd.Pools;
using QubesPoolConsole.Server.Configuration;

namespace QubesPoolConsole.Server.Cli;

/// <summary>
/// The commands over qubesd (<c>pools</c>, <c>pool add|set|remove</c>, <c>prefs</c>; <c>vms</c> and <c>vm create</c>
/// are <see cref="R4VmCliCommand"/>'s): the pools are read once, the
/// change is staged on an <see cref="R4Draft"/> so Core's planner judges it before anything is sent (findings print
/// as <c>error: MESSAGE [code]</c>), <c>--dry-run</c> prints the plan, and otherwise the draft applies it and every
/// step is reported. With the R4 sandbox the stand-in qubesd runs for the command's duration.
/// </summary>
public static class R4CliCommand
{
    /// <summary>Runs the command; returns its exit code (<see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(CliRequest request, ConsoleBackend backend, ConsolePaths paths, TextWriter stdout, TextWriter stderr,
        CancellationToken cancellationToken = default)
    {
        using var r4 = ConsoleServices.CreateR4(backend, paths);
        await using var sandbox = await r4.StartSandboxAsync(cancellationToken: cancellationToken);
        if (request.Command == "vms") return await R4VmCliCommand.VmsAsync(request, r4.Client, backend, stdout, stderr, cancellationToken);
        var view = await r4.Reader.ReadAsync(cancellationToken);
        if (request.Command == "pools") return Pools(request, backend, view, stdout, stderr);

        if (!view.IsLoaded)
        {
            stderr.WriteLine($"error: {PoolsText.OneLine(view.Error ?? "The pools could not be read.")} (qubesd at {backend.SocketPath}) Nothing was sent.");
            return ExitCodes.Unreadable;
        }
        if (request.Command == "vm create") return await R4VmCliCommand.CreateAsync(request, r4.Reader, view, stdout, stderr, cancellationToken);
        var draft = new R4Draft(r4.Reader, view);
        var staged = draft.StageRange(ToChanges(request));
        foreach (var f in staged.Findings) stderr.WriteLine(R4PlanText.Line(f));
        if (!staged.Accepted) return ExitCodes.Refused;
        if (request.DryRun)
        {
            stdout.Write(R4PlanText.Plan(draft.Plan!));
            return ExitCodes.Ok;
        }

        var outcome = await draft.ApplyAsync(r4.Audit is { } log ? new R4ApplyAudit(log, AuditUser.FromEnvironment().Name, "cli") : null, cancellationToken);
        stdout.Write(R4PlanText.Outcome(outcome));
        if (outcome.AuditFailure is { } auditFailure) stderr.WriteLine("warning: " + PoolsText.OneLine(auditFailure));
        switch (outcome.Status)
        {
            case R4ApplyStatus.Applied:
                return ExitCodes.Ok;
            case R4ApplyStatus.Stale:
                stderr.WriteLine("error: " + PoolsText.OneLine(outcome.Message));
                return ExitCodes.Conflict;
            default:
                foreach (var f in outcome.Findings) stderr.WriteLine(R4PlanText.Line(f));
                stderr.WriteLine("error: " + PoolsText.OneLine(outcome.Message));
                return ExitCodes.Refused;
        }
    }

    /// <summary>The staged changes the request asks for, in order.</summary>
    public static IReadOnlyList<R4PoolChange> ToChanges(CliRequest request)
    {
        var args = request.Arguments;
        return request.Command switch
        {
            "pool add" => [R4PoolChange.AddPool(new R4PoolAddRequest(args[0], args[1], request.Options))],
            "pool set" => [.. request.Options.Select(o => R4PoolChange.SetPoolOption(args[0], o.Key, o.Value))],
            "pool remove" => [R4PoolChange.RemovePool(args[0])],
            "prefs" => [request.Reset ? R4PoolChange.ResetDefaultPool(args[0]) : R4PoolChange.SetDefaultPool(args[0], args[1])],
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Command, "Not a qubesd command."),
        };
    }

    private static int Pools(CliRequest request, ConsoleBackend backend, R4PoolsView view, TextWriter stdout, TextWriter stderr)
    {
        int exit = view.IsLoaded ? ExitCodes.Ok : ExitCodes.Unreadable;
        if (request.Json)
        {
            stdout.Write(R4PoolsJson.Write(view, backend));
            return exit;
        }
        if (!view.IsLoaded)
        {
            stderr.WriteLine($"error: {PoolsText.OneLine(view.Error ?? "The pools could not be read.")} (qubesd at {backend.SocketPath})");
            return exit;
        }
        stdout.Write(R4PoolsText.Table(view));
        foreach (var p in view.Problems) stderr.WriteLine("warning: " + PoolsText.OneLine(p));
        return exit;
    }
}
