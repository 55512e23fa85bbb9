using System.Text;

namespace QubesPoolConsole.Server.Cli;

/// <summary>The --help texts.</summary>
public static class CliHelp
{
    private const string CommonOptions = """
        Options of every command:
          --conf PATH        storage.conf (default on dom0: /etc/qubes/storage.conf; elsewhere: the sandbox's)
          --qubes-xml PATH   qubes.xml (default on dom0: /var/lib/qubes/qubes.xml; elsewhere: the sandbox's)
          --mode MODE        auto (default: dom0 when /etc/qubes-release exists), sandbox or dom0
          --data DIR         sandbox folder;  --state DIR  folder of the lock, history and audit log
          --config PATH      settings file (default: /etc/qubes-pool-console/appsettings.json, if it exists)
          -h, --help         show help
        The same settings come from appsettings.json, the settings file and QPC_Console__* environment variables,
        with the same checks as for the server.
        """;

    private const string QubesdOptions = """
        Options of every command over qubesd:
          --backend NAME     auto (default), storage-conf or qubesd; --r4: the R4 sandbox (sandbox mode)
          --qubesd-socket PATH  qubesd's socket (default on dom0: /var/run/qubesd.sock; sandbox: DATA/r4/qubesd.sock)
          --r4-release VER   the R4 sandbox answers as Qubes 4.3 (default) or 4.2
          --mode MODE        auto (default: dom0 when /etc/qubes-release exists), sandbox or dom0
          --data DIR         sandbox folder;  --state DIR  folder of the audit log
          --config PATH      settings file (default: /etc/qubes-pool-console/appsettings.json, if it exists)
          -h, --help         show help
        The same settings come from appsettings.json, the settings file and QPC_Console__* environment variables,
        with the same checks as for the server.
        """;

    /// <summary>Help for <paramref name="topic"/> among the storage.conf commands.</summary>
    public static string For(string topic) => For(topic, CliCommands.All);

    /// <summary>Help for <paramref name="topic"/>: "" for the overview, a group ("pool", "vm"), or a command name of <paramref name="table"/>.</summary>
    public static string For(string topic, IReadOnlyList<CommandSpec> table)
    {
        var sb = new StringBuilder();
        bool qubesd = table == CliCommands.Qubesd;
        if (CliCommands.Find(table, topic) is { } spec)
        {
            sb.Append("Usage: ").Append(CliApp.ProgramName).Append(' ').Append(spec.Usage).Append("\n\n");
            sb.Append(spec.Summary).Append('\n').Append(spec.Details.TrimEnd()).Append("\n\n");
            if (spec.TakesOptions) sb.Append("  -o, --option key=value  an option of the pool (repeat for more)\n");
            if (spec.TakesJson) sb.Append("  --json             print one JSON object (see the README for its fields)\n");
            if (spec.TakesVmOptions)
            {
                sb.Append("  --label LABEL      the VM's label (red, orange, yellow, green, gray, blue, purple, black); required\n")
                  .Append("  --class CLASS      AppVM (default), TemplateVM or StandaloneVM\n")
                  .Append("  --template TEMPLATE the template of an AppVM (default: default_template)\n")
                  .Append("  -P POOL            one pool for every volume that can move (not an AppVM's root, not the kernel)\n")
                  .Append("  --pool VOLUME=POOL the pool of one volume: root, private, volatile or kernel (repeat for more)\n")
                  .Append("  --dry-run          print the plan: the qvm-create command, the Admin API call with its payload and\n")
                  .Append("                     each volume's pool and size; send nothing\n");
                sb.Append("\nValidated as in the console's New VM page before anything is sent; then one call creates the VM and\n")
                  .Append("its volumes are read back (a failed create is checked to have left no VM behind). Exit code: 0 created,\n")
                  .Append("1 refused or qubesd failed, 2 qubesd's pools cannot be read, 64 wrong command line.\n");
            }
            else if (spec.Writes && qubesd)
            {
                sb.Append("  --dry-run          print the plan: the qvm-pool/qubes-prefs commands, the Admin API calls with their\n")
                  .Append("                     payloads, the side effects and the pool-table diff; send nothing\n");
                if (spec.Name == "prefs") sb.Append("  --reset            reset PROPERTY to its default (no POOL)\n");
                sb.Append("\nValidated as in the console before anything is sent; then the calls run in order, stopping at the\n")
                  .Append("first failure, and each step is reported as ran, failed or not run. Exit code: 0 done, 1 refused or a\n")
                  .Append("step failed, 2 qubesd's pools cannot be read, 3 the pools changed while the command ran (nothing\n")
                  .Append("sent), 64 wrong command line.\n");
            }
            else if (spec.Writes)
            {
                sb.Append("  --dry-run          print the unified diff that would be written, and write nothing\n");
                sb.Append("  --yes              confirm the warnings that need it (a pool with VMs gets another dir_path);\n")
                  .Append("                     without it such a change is refused with exit code 1\n");
                sb.Append("\nValidated as in the console; written atomically, only if storage.conf did not change meanwhile\n")
                  .Append("(the previous version is kept in the history folder). A change that changes nothing prints\n")
                  .Append("nothing. Exit code: 0 done or nothing to do, 1 refused (or not confirmed), 2 storage.conf cannot be read,\n")
                  .Append("3 storage.conf changed while the command ran, 4 writing failed, 64 wrong command line.\n");
            }
            sb.Append('\n').Append(qubesd ? QubesdOptions : CommonOptions).Append('\n');
            return sb.ToString();
        }
        bool group = topic.Length > 0 && CliCommands.IsGroup(table, topic);
        var commands = group ? CliCommands.InGroup(table, topic) : table;
        sb.Append("Usage: ").Append(CliApp.ProgramName).Append(group ? $" {topic} COMMAND ..." : " [COMMAND] [OPTIONS]").Append("\n\n");
        if (!group && qubesd)
        {
            sb.Append("Manages Qubes OS R4.1+ storage pools through qubesd's Admin API, like qvm-pool and qubes-prefs,\n")
              .Append("lists the VMs' volumes and creates VMs in the pools chosen (qvm-create), with a --dry-run that shows\n")
              .Append("the exact plan. Without a command, serves the web console on loopback.\n\n");
        }
        else if (!group)
        {
            sb.Append("Manages Qubes OS R3.2 storage pools (/etc/qubes/storage.conf), like R4's qvm-pool.\n")
              .Append("Without a command, serves the web console on loopback. For Qubes R4.1+ (qubesd) add\n")
              .Append("'--backend qubesd', or '--r4' for the R4 sandbox; '--r4 --help' lists those commands.\n\n");
        }
        sb.Append("Commands:\n");
        foreach (var c in commands)
        {
            var usage = string.Join(' ', new[] { c.Name }.Concat(c.Arguments));
            sb.Append("  ").Append(usage.PadRight(22)).Append(c.Summary).Append('\n');
        }
        sb.Append("\nRun '").Append(CliApp.ProgramName).Append(" COMMAND --help' for a command's options and exit codes.\n\n");
        sb.Append(qubesd ? QubesdOptions : CommonOptions).Append('\n');
        return sb.ToString();
    }
}
