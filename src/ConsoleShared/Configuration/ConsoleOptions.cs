namespace QubesPoolConsole.Server.Configuration;

/// <summary>Settings from appsettings.json, QPC_* environment variables and command-line options (section "Console").</summary>
public sealed class ConsoleOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Console";

    /// <summary>Sandbox, dom0, or auto-detect.</summary>
    public ConsoleMode Mode { get; set; } = ConsoleMode.Auto;

    /// <summary>storage.conf; defaults by mode.</summary>
    public string? Conf { get; set; }

    /// <summary>qubes.xml; defaults by mode.</summary>
    public string? QubesXml { get; set; }

    /// <summary>Sandbox data folder (created on first start).</summary>
    public string? DataDirectory { get; set; }

    /// <summary>History, lock, audit log, login URL file.</summary>
    public string? StateDirectory { get; set; }

    /// <summary>The dir_path Qubes implies for the default pool; defaults by mode.</summary>
    public string? DefaultDirPath { get; set; }

    /// <summary>Loopback port; 0 picks a free one.</summary>
    public int Port { get; set; } = 8431;

    /// <summary>Idle minutes before a session ends.</summary>
    public int IdleTimeoutMinutes { get; set; } = 30;

    /// <summary>How new VMs are created: Sandbox (files and qubes.xml written by the console) or Dom0 (qvm-create); null follows the mode.</summary>
    public Vms.VmBackendKind? VmBackend { get; set; }

    /// <summary>The normal dom0 user in group qubes that runs qvm-create when the console runs as root.</summary>
    public string? QvmCreateUser { get; set; }

    /// <summary>qvm-create's name or path; defaults to <c>qvm-create</c> on PATH.</summary>
    public string? QvmCreatePath { get; set; }

    /// <summary>
    /// Which pool backend: <c>auto</c> (default: dom0 follows /etc/qubes-release, the sandbox uses storage.conf),
    /// <c>storage-conf</c> (Qubes R3.2) or <c>qubesd</c> (Qubes R4.1+; in sandbox mode the stand-in qubesd).
    /// See <see cref="ConsoleBackendSetting"/>.
    /// </summary>
    public string? Backend { get; set; }

    /// <summary>qubesd's Admin API socket; default /var/run/qubesd.sock in dom0, the stand-in's in the sandbox.</summary>
    public string? QubesdSocket { get; set; }

    /// <summary>Which release the R4 sandbox answers as: "4.3" (default) or "4.2".</summary>
    public string? QubesdRelease { get; set; }
}
