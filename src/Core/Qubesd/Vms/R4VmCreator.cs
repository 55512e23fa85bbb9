using QubesPoolConsole.Core.Qubesd.Backend;
using QubesPoolConsole.Core.Qubesd.Volumes;
using QubesPoolConsole.Core.Qubesd.Wire;
using QubesPoolConsole.Core.Storage;

namespace QubesPoolConsole.Core.Qubesd.Vms;

/// <summary>
/// Creates an R4 VM the way the review showed it: re-reads qubesd and plans again (a plan with errors sends
/// nothing), sends the one <c>admin.vm.Create*</c> call, then reads back what happened: the new VM's volumes on
/// success; on failure, whether a VM of that name was left behind (qubesd deletes a half-made VM, the console checks).
/// </summary>
public sealed class R4VmCreator(R4PoolReader reader)
{
    private readonly IQubesdClient _client = reader.Client;

    /// <summary>How long the create call may take: qubesd writes (or reflinks, or snapshots) every image before it answers.</summary>
    public static readonly TimeSpan CreateTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Plans <paramref name="request"/> against qubesd as it is now and, when accepted, creates the VM.</summary>
    public async Task<R4VmCreateOutcome> CreateAsync(R4VmRequest request, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var lines = new List<string>();
        void Say(string line)
        {
            lines.Add(line);
            progress?.Report(line);
        }

        Say("Reading pools, VMs and labels from qubesd…");
        var view = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var analysis = await R4VmPlanner.PlanAsync(_client, view, request, cancellationToken).ConfigureAwait(false);
        if (!analysis.Accepted)
        {
            var why = string.Join(" ", analysis.Findings.Where(f => f.IsError).Select(f => f.Message));
            Say("Nothing was sent: " + why);
            return new R4VmCreateOutcome(R4VmCreateStatus.Refused, $"VM {request.Name} was not created, nothing was sent to qubesd: {why}", analysis, [], lines);
        }

        var call = analysis.Plan.Call;
        if (!QubesdRequest.TryCreate(call.Method, call.Arg, call.Dest, call.Payload, out var wire, out var problem))
        {
            Say("Nothing was sent: " + problem);
            return new R4VmCreateOutcome(R4VmCreateStatus.Refused, $"VM {request.Name} was not created, nothing was sent to qubesd: {problem}", analysis, [], lines);
        }

        Say($"$ {analysis.Plan.QvmCreate}");
        Say($"Sending {call}");
        var reply = await _client.CallAsync(wire, CreateTimeout, cancellationToken).ConfigureAwait(false);
        if (reply.IsOk)
        {
            var volumes = (await new R4VmVolumeReader(_client).ReadAsync(request.Name, request.Class, cancellationToken).ConfigureAwait(false)).Volumes;
            foreach (var v in volumes) Say($"{v.Name}: pool {v.Pool ?? "?"}, {(v.Size is { } s ? $"{DiskSpace.Format(s)} ({s} bytes)" : "size not reported")}");
            return new R4VmCreateOutcome(R4VmCreateStatus.Created, $"VM {request.Name} was created.", analysis, volumes, lines);
        }

        Say("qubesd: " + reply.Message);
        // qubesd deletes the VM from the app when create_on_disk fails; check rather than trust.
        var vms = await _client.VmListAsync(cancellationToken).ConfigureAwait(false);
        var failed = $"qubesd did not create VM {request.Name}: {reply.Message}.";
        if (!vms.IsOk)
        {
            return new R4VmCreateOutcome(R4VmCreateStatus.FailedLeftOver,
                $"{failed} Whether a half-made VM is left could not be checked ({vms.Message}); look with qvm-ls {request.Name}.", analysis, [], lines);
        }
        if (vms.Value.Any(v => v.Name == request.Name))
        {
            return new R4VmCreateOutcome(R4VmCreateStatus.FailedLeftOver,
                $"{failed} A VM named {request.Name} exists now; check it with qvm-volume list {request.Name} and remove it with qvm-remove {request.Name} if it is incomplete.", analysis, [], lines);
        }
        Say($"Checked: no VM named {request.Name} exists.");
        return new R4VmCreateOutcome(R4VmCreateStatus.FailedCleanly, $"{failed} Nothing is left behind: no VM named {request.Name} exists.", analysis, [], lines);
    }
}
