using QubesPoolConsole.Core.Qubesd.Backend;
using QubesPoolConsole.Core.Qubesd.Wire;

namespace QubesPoolConsole.Core.Qubesd.Vms;

/// <summary>What a new R4 VM can be made of: the labels, the templates and the default one, as qubesd lists them.</summary>
/// <param name="Labels">From <c>admin.label.List</c>, in qubesd's order.</param>
/// <param name="Templates">The TemplateVMs from <c>admin.vm.List</c>, sorted.</param>
/// <param name="DefaultTemplate">The <c>default_template</c> property; null when unset or unreadable.</param>
/// <param name="Problems">Sentences about what could not be read.</param>
public sealed record R4VmChoices(IReadOnlyList<string> Labels, IReadOnlyList<string> Templates, string? DefaultTemplate, IReadOnlyList<string> Problems)
{
    private const string KernelDriver = "linux-kernel";

    /// <summary>Reads the choices (three calls, at once).</summary>
    public static async Task<R4VmChoices> ReadAsync(IQubesdClient client, CancellationToken cancellationToken = default)
    {
        var labelsTask = client.CallAsync("admin.label.List", cancellationToken: cancellationToken);
        var vmsTask = client.VmListAsync(cancellationToken);
        var defaultTask = client.PropertyGetAsync("default_template", cancellationToken);
        var labels = QubesdReplyText.Lines(await labelsTask.ConfigureAwait(false));
        var vms = await vmsTask.ConfigureAwait(false);
        var template = await defaultTask.ConfigureAwait(false);
        var problems = new List<string>();
        if (!labels.IsOk) problems.Add($"The labels could not be read: {labels.Message}");
        if (!vms.IsOk) problems.Add($"The VMs could not be read, so no template can be offered: {vms.Message}");
        return new R4VmChoices(
            labels.IsOk ? labels.Value : [],
            vms.IsOk ? [.. vms.Value.Where(v => v.Class == "TemplateVM").Select(v => v.Name).Order(StringComparer.Ordinal)] : [],
            template.IsOk && template.Value.Value is { Length: > 0 } t ? t : null,
            problems);
    }

    /// <summary>
    /// The pools a volume can be placed in: linux-kernel pools for the kernel, every other pool for the writable
    /// volumes (the planner says why the rest would be refused).
    /// </summary>
    public static IReadOnlyList<R4PoolRow> PoolsFor(R4PoolsView view, string volume)
        => [.. view.Rows.Where(r => r.Error is null && (r.Driver == KernelDriver) == (volume == "kernel"))];
}
