namespace QubesPoolConsole.Server.Cli;

/// <summary>Every command the executable answers on the command line.</summary>
public static class CliCommands
{
    /// <summary>The commands, in the order help lists them.</summary>
    public static readonly IReadOnlyList<CommandSpec> All =
    [
        new("pools", [], TakesJson: true, Writes: false, TakesOptions: false,
            "List the pools as Qubes would load them from storage.conf.",
            """
            Shows each pool's name, driver, options (with the default pool's implied dir_path) and the number of VMs
            that qubes.xml puts in it. With --json, prints one JSON object (the same as 'check --json').
            Exit code: 0 listed, 1 Qubes cannot parse the file (no pools), 2 storage.conf cannot be read.
            """),
        new("check", [], TakesJson: true, Writes: false, TakesOptions: false,
            "Check storage.conf the way Qubes R3.2 reads it, with line numbers.",
            """
            Prints one line per problem ("FILE:LINE: error: ...") and a summary; nothing is written.
            Exit code: 0 no errors (warnings allowed), 1 errors, 2 storage.conf cannot be read (missing, unreadable,
            not UTF-8 text).
            """),
        new("pool add", ["NAME"], TakesJson: false, Writes: true, TakesOptions: true,
            "Add a pool.",
            """
            The driver comes from '-o driver=NAME' or '-o class=package.module.Class'; with neither, the pool gets
            'driver=xen' (the only driver built into Qubes R3.2). A xen pool needs '-o dir_path=/absolute/path' and
            takes no other option. Example:
              pool add vmstore -o dir_path=/mnt/vmstore
            """),
        new("pool set", ["NAME"], TakesJson: false, Writes: true, TakesOptions: true,
            "Set options of an existing pool (other options stay).",
            """
            Changing a pool's dir_path does not move any VM's files: Qubes looks for the images of the pool's VMs
            under the new path, so for a pool with VMs the change needs --yes. The default pool takes no options but
            driver and class. Example:
              pool set vmstore -o dir_path=/mnt/other --yes
            """),
        new("pool unset", ["NAME", "KEY"], TakesJson: false, Writes: true, TakesOptions: false,
            "Remove one option of a pool.",
            """
            Removing an option that is not there changes nothing and prints nothing. Example:
              pool unset vmstore revisions_to_keep
            """),
        new("pool remove", ["NAME"], TakesJson: false, Writes: true, TakesOptions: false,
            "Remove a pool that no VM uses.",
            """
            Refused while qubes.xml names a VM in the pool (Qubes R3.2 would then fail to load every VM), when
            qubes.xml cannot be read, and for the default pool. Example:
              pool remove vmstore
            """),
    ];

    /// <summary>The commands over qubesd (Qubes R4.1 and later), in the order help lists them.</summary>
    public static readonly IReadOnlyList<CommandSpec> Qubesd =
    [
        new("pools", [], TakesJson: true, Writes: false, TakesOptions: false,
            "List the pools qubesd has, with size, usage and what uses them.",
            """
            Shows each pool's name, driver, where its data lives (dir_path, volume group/thin pool, container), size
            and usage with the Qubes disk widget's levels (warning from 90 %, critical from 95 %), the volumes in it
            and the default_pool* properties naming it. A pool qubesd cannot report on shows its error in its row.
            Exit code: 0 listed (rows may carry errors), 2 qubesd's pool list cannot be read.
            """, Qubesd: true),
        new("pool add", ["NAME", "DRIVER"], TakesJson: false, Writes: true, TakesOptions: true,
            "Add a pool (qvm-pool add NAME DRIVER -o key=value ...).",
            """
            Drivers: file, file-reflink, lvm_thin, zfs, linux-kernel, callback (and any other qubesd lists, with
            free-form options). Everything qubesd would refuse is refused before anything is sent. Example:
              pool add ssd file-reflink -o dir_path=/mnt/ssd/qubes
            """, Qubesd: true),
        new("pool set", ["NAME"], TakesJson: false, Writes: true, TakesOptions: true,
            "Set revisions_to_keep or ephemeral_volatile of a pool.",
            """
            Only these two options can change after a pool is added. revisions_to_keep affects only volumes
            created later; ephemeral_volatile takes effect from each VM's next start. Example:
              pool set ssd -o revisions_to_keep=2
            """, Qubesd: true),
        new("pool remove", ["NAME"], TakesJson: false, Writes: true, TakesOptions: false,
            "Remove a pool that no volume and no default_pool* uses.",
            """
            Refused before sending while VM volumes live in the pool or a default_pool* property names it (the
            VMs, volumes and properties are listed). qubesd deletes no data on remove. Example:
              pool remove ssd
            """, Qubesd: true),
        new("prefs", ["PROPERTY", "POOL"], TakesJson: false, Writes: true, TakesOptions: false,
            "Point default_pool[_private|_root|_volatile|_kernel] at a pool, or --reset it.",
            """
            Like qubes-prefs PROPERTY POOL; with --reset (and no POOL), like qubes-prefs --default PROPERTY.
            Affects only VMs and volumes created later. Examples:
              prefs default_pool ssd
              prefs --reset default_pool_private
            """, Qubesd: true),
        new("vms", [], TakesJson: true, Writes: false, TakesOptions: false,
            "List every VM with its class and its volumes' pools, sizes and usage.",
            """
            Like qvm-volume list for all VMs (dom0 included, as qubesd lists it): each volume's pool, size and usage;
            with --json also its vid, revisions_to_keep, source (the volume it is a snapshot of) and rw. A VM whose
            volumes cannot be read shows its error in its row. Example:
              vms --json
            Exit code: 0 listed (rows may carry errors), 2 qubesd's VM list cannot be read.
            """, Qubesd: true),
        new("vm create", ["NAME"], TakesJson: false, Writes: true, TakesOptions: false,
            "Create a VM with its volumes in the pools you choose (qvm-create).",
            """
            Without -P or --pool each volume goes to its default_pool_* pool. An AppVM's root is a snapshot of its
            template's root and stays in the template's pool. A name that exists, an unknown label, template or pool,
            and a writable volume in a linux-kernel pool are refused before anything is sent; -P and --pool do not go
            together (as in qvm-create). Example:
              vm create mail --label blue --pool private=ssd --pool volatile=varlibqubes
            """, Qubesd: true, TakesVmOptions: true),
    ];

    /// <summary>Finds a command by its full name ("pool add").</summary>
    public static CommandSpec? Find(string name) => All.FirstOrDefault(c => c.Name == name);

    /// <summary>Finds a command of <paramref name="table"/> by its full name.</summary>
    public static CommandSpec? Find(IReadOnlyList<CommandSpec> table, string name) => table.FirstOrDefault(c => c.Name == name);

    /// <summary>True when <paramref name="word"/> starts two-word commands of <paramref name="table"/> ("pool", "vm").</summary>
    public static bool IsGroup(IReadOnlyList<CommandSpec> table, string word)
        => table.Any(c => c.Name.StartsWith(word + " ", StringComparison.Ordinal));

    /// <summary>The commands of <paramref name="table"/> that start with <paramref name="group"/> and a space.</summary>
    public static IReadOnlyList<CommandSpec> InGroup(IReadOnlyList<CommandSpec> table, string group)
        => [.. table.Where(c => c.Name.StartsWith(group + " ", StringComparison.Ordinal))];

    /// <summary>The first word of every command of either backend, plus "help".</summary>
    public static IReadOnlySet<string> FirstWords { get; } =
        All.Concat(Qubesd).Select(c => c.Name.Split(' ')[0]).Append("help").ToHashSet(StringComparer.Ordinal);
}
