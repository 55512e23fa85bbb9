using QubesPoolConsole.Core.Qubesd.Vms;

namespace QubesPoolConsole.Components.R4;

/// <summary>How the New VM page places the volumes.</summary>
public enum R4PoolMode
{
    /// <summary>Every volume where its <c>default_pool_*</c> property says.</summary>
    Defaults,

    /// <summary>One pool for every writable volume of the VM's own (<c>qvm-create -P</c>).</summary>
    OnePool,

    /// <summary>A pool per volume (<c>--pool VOLUME=POOL</c>); a volume left at "default" follows its property.</summary>
    PerVolume,
}

/// <summary>What the R4 New VM page's fields hold; <see cref="ToRequest"/> is what the planner judges.</summary>
public sealed class R4NewVmForm
{
    /// <summary>The VM name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The label.</summary>
    public string Label { get; set; } = "red";

    /// <summary>AppVM, TemplateVM or StandaloneVM.</summary>
    public string Class { get; set; } = "AppVM";

    /// <summary>The template of an AppVM; null for <c>default_template</c>.</summary>
    public string? Template { get; set; }

    /// <summary>How the volumes are placed.</summary>
    public R4PoolMode Mode { get; set; } = R4PoolMode.Defaults;

    /// <summary>The pool of <see cref="R4PoolMode.OnePool"/>.</summary>
    public string? Pool { get; set; }

    /// <summary>The pool of each volume in <see cref="R4PoolMode.PerVolume"/>; null (or absent) for its default.</summary>
    public Dictionary<string, string?> Pools { get; } = new(StringComparer.Ordinal);

    /// <summary>True when the class has a template (and its root is a snapshot of the template's).</summary>
    public bool HasTemplate => Class == "AppVM";

    /// <summary>The request the review plans and Create sends.</summary>
    public R4VmRequest ToRequest()
    {
        var template = HasTemplate ? Template : null;
        return Mode switch
        {
            R4PoolMode.OnePool when Pool is { Length: > 0 } => new R4VmRequest(Name, Label, Class, template, Pool: Pool),
            R4PoolMode.PerVolume => new R4VmRequest(Name, Label, Class, template, Pools: Chosen()),
            _ => new R4VmRequest(Name, Label, Class, template),
        };
    }

    private Dictionary<string, string> Chosen()
    {
        var chosen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (volume, pool) in Pools)
        {
            // An AppVM's root cannot be chosen; a value left from another class is not sent.
            if (pool is { Length: > 0 } && !(volume == "root" && HasTemplate)) chosen[volume] = pool;
        }
        return chosen;
    }
}
