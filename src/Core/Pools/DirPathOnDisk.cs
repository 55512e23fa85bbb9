using QubesPoolConsole.Core.Diagnostics;
using static QubesPoolConsole.Core.Diagnostics.DiagnosticCodes;

namespace QubesPoolConsole.Core.Pools;

/// <summary>
/// Warns when a xen pool's directory is not there yet: Qubes R3.2 creates dir_path itself (only its last level)
/// when it loads a VM, so a missing parent makes every VM of the pool fail to start. <see cref="ChangeJudge"/> asks
/// this for every dir_path a change sets.
/// </summary>
public static class DirPathOnDisk
{
    /// <summary>
    /// A warning about <paramref name="dirPath"/> (an absolute, normalised path) when it is a file, or it or its
    /// parent does not exist on this machine; null when it exists or the path is not absolute. Never throws.
    /// </summary>
    public static Diagnostic? Check(string pool, string dirPath)
    {
        if (string.IsNullOrEmpty(dirPath) || dirPath[0] != '/') return null;
        try
        {
            if (Directory.Exists(dirPath)) return null;
            if (File.Exists(dirPath))
            {
                return Diagnostic.Warning(DirPathNotDirectory,
                    $"'{dirPath}' is a file, not a directory; Qubes cannot keep VM images there.", section: pool, key: KnownDrivers.DirPathKey);
            }
            var parent = Path.GetDirectoryName(dirPath.TrimEnd('/'));
            if (parent is not null && !Directory.Exists(parent))
            {
                return Diagnostic.Warning(DirPathParentMissing,
                    $"The parent directory '{parent}' does not exist. Qubes creates only the last level ('{Path.GetFileName(dirPath.TrimEnd('/'))}'), so VMs of this pool will fail to start: create '{parent}' first (for example mount the disk there).",
                    section: pool, key: KnownDrivers.DirPathKey);
            }
            return Diagnostic.Warning(DirPathNotOnDisk,
                $"'{dirPath}' does not exist yet; Qubes will create it (with appvms/, vm-templates/ and servicevms/) the next time it loads the VMs.",
                section: pool, key: KnownDrivers.DirPathKey);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
