namespace QubesPoolConsole.Server.Cli;

/// <summary>The command line's exit codes (documented in the README; scripts depend on them).</summary>
public static class ExitCodes
{
    /// <summary>Done; also a no-op change, a dry run, and <c>check</c> with no errors (warnings allowed).</summary>
    public const int Ok = 0;

    /// <summary><c>check</c> found errors, <c>pools</c> found a file Qubes cannot parse, or a change was refused.</summary>
    public const int Refused = 1;

    /// <summary>storage.conf cannot be read at all: missing, not readable, or not UTF-8 text.</summary>
    public const int Unreadable = 2;

    /// <summary>storage.conf changed while the command ran; nothing was written.</summary>
    public const int Conflict = 3;

    /// <summary>Writing failed (permissions, disk, another writer holding the lock); nothing was written.</summary>
    public const int WriteFailed = 4;

    /// <summary>The command line itself is wrong (unknown command or option, missing argument); see --help.</summary>
    public const int Usage = 64;
}
