using QubesPoolConsole.Core.Audit;
using QubesPoolConsole.Core.Pools;
using QubesPoolConsole.Core.Storage;
using QubesPoolConsole.Server.Configuration;
using QubesPoolConsole.Server.Qubesd;
using QubesPoolConsole.Server.Sandbox;

namespace QubesPoolConsole.Server;

/// <summary>
/// The composition root of the web host and the command line: from the resolved paths it seeds the sandbox (when
/// asked) and builds the store, the catalog, the audit log and the audit user, once, the same way for both; for the
/// qubesd backend <see cref="CreateR4"/> builds the client and the pool reader, also the same way for both.
/// </summary>
public sealed class ConsoleServices
{
    private ConsoleServices(ConsolePaths paths)
    {
        Paths = paths;
        Store = new ConfFileStore(ConfFileStoreOptions.For(paths.Conf, paths.StateDirectory));
        Catalog = new PoolCatalog(Store, paths.QubesXml, paths.DefaultDirPath);
        AuditPath = AuditPathFor(paths);
        Audit = new JsonLinesAuditLog(AuditPath);
        User = AuditUser.FromEnvironment();
    }

    /// <summary>The paths everything was built from.</summary>
    public ConsolePaths Paths { get; }

    /// <summary>storage.conf with its safe save, lock and history.</summary>
    public ConfFileStore Store { get; }

    /// <summary>storage.conf and qubes.xml, read together.</summary>
    public PoolCatalog Catalog { get; }

    /// <summary>The audit journal's file (in the state folder, shared by the server and the CLI).</summary>
    public string AuditPath { get; }

    /// <summary>The audit journal.</summary>
    public IAuditLog Audit { get; }

    /// <summary>Who the audit journal names.</summary>
    public AuditUser User { get; }

    /// <summary>
    /// Builds the services; with <paramref name="seedSandbox"/>, first creates the sandbox's files on first use
    /// (<see cref="SandboxSeeder.EnsureCreated"/>; nothing happens in dom0 mode).
    /// </summary>
    public static ConsoleServices Create(ConsolePaths paths, bool seedSandbox)
    {
        if (seedSandbox) SandboxSeeder.EnsureCreated(paths);
        return new ConsoleServices(paths);
    }

    /// <summary>The audit journal's file for <paramref name="paths"/>: one for both backends, the server and the CLI.</summary>
    public static string AuditPathFor(ConsolePaths paths) => Path.Combine(paths.StateDirectory, "audit.jsonl");

    /// <summary>
    /// The qubesd backend's services: the Admin API client for <see cref="ConsoleBackend.SocketPath"/>, the pool
    /// reader over it, and the audit journal of <paramref name="paths"/>; the stand-in qubesd is started by the caller (the web host's hosted service, or the CLI for
    /// the command's duration) through <see cref="R4Services.StartSandboxAsync"/>.
    /// </summary>
    public static R4Services CreateR4(ConsoleBackend backend, ConsolePaths paths)
        => R4Services.For(backend, new JsonLinesAuditLog(AuditPathFor(paths)));
}
