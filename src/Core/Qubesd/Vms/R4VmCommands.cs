using QubesPoolConsole.Core.Qubesd.Pools;

namespace QubesPoolConsole.Core.Qubesd.Vms;

/// <summary>
/// What a <see cref="R4VmRequest"/> becomes: the Admin API call qubesadmin's <c>add_new_vm</c> sends
/// (CAC qubesadmin/app.py: <c>name= label=</c>, then <c>pool=</c> or the <c>pool:VOL=</c> pairs sorted by volume)
/// and the <c>qvm-create</c> line that does the same, quoted for a shell.
/// </summary>
public static class R4VmCommands
{
    /// <summary>The call: <c>admin.vm.Create.CLASS</c> or <c>admin.vm.CreateInPool.CLASS</c>, arg = template, dest dom0.</summary>
    public static PlannedCall Call(R4VmRequest request)
    {
        var payload = $"name={request.Name} label={request.Label}";
        if (request.Pool is { } pool) payload += " pool=" + pool;
        else if (request.Pools is { } pools)
        {
            foreach (var kv in pools.OrderBy(kv => kv.Key, StringComparer.Ordinal)) payload += $" pool:{kv.Key}={kv.Value}";
        }
        var method = (request.InPool ? "admin.vm.CreateInPool." : "admin.vm.Create.") + request.Class;
        return new PlannedCall(method, request.Template ?? "", "dom0", payload);
    }

    /// <summary><c>qvm-create --class C [--template T] --label L [-P POOL | --pool VOL=POOL ...] NAME</c>.</summary>
    public static string QvmCreate(R4VmRequest request)
    {
        var words = new List<string> { "qvm-create", "--class", request.Class };
        if (!string.IsNullOrEmpty(request.Template)) words.AddRange(["--template", request.Template]);
        words.AddRange(["--label", request.Label]);
        if (request.Pool is { } pool) words.AddRange(["-P", pool]);
        else if (request.Pools is { } pools)
        {
            foreach (var kv in pools.OrderBy(kv => kv.Key, StringComparer.Ordinal)) words.AddRange(["--pool", $"{kv.Key}={kv.Value}"]);
        }
        words.Add(request.Name);
        return ShellWords.Join(words);
    }
}
