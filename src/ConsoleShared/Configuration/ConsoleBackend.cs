using QubesPoolConsole.Core.Backends;
using QubesPoolConsole.Core.Qubesd.Wire;

namespace QubesPoolConsole.Server.Configuration;

/// <summary>
/// The pool backend the console runs on, resolved once at start from <see cref="ConsoleOptions.Backend"/>,
/// <see cref="ConsoleOptions.QubesdSocket"/>, <see cref="ConsoleOptions.QubesdRelease"/> and the mode.
/// </summary>
/// <param name="Kind">storage.conf (R3.2) or qubesd (R4.1+).</param>
/// <param name="SocketPath">qubesd's Admin API socket (absolute); null for storage.conf.</param>
/// <param name="StartsSandbox">The console starts the stand-in qubesd (<see cref="SandboxDirectory"/>) before anything reads.</param>
/// <param name="SandboxDirectory">The stand-in's data folder (<c>&lt;data&gt;/r4</c>); null unless <paramref name="StartsSandbox"/>.</param>
/// <param name="SandboxRelease">"4.3" or "4.2": what the stand-in answers as (meaningful only with <paramref name="StartsSandbox"/>).</param>
/// <param name="Release">The dom0's /etc/qubes-release when it was read; null in the sandbox or when absent.</param>
/// <param name="Description">What the app bar shows, e.g. "qubesd · Qubes R4.2" or "qubesd sandbox (R4.3)".</param>
public sealed record ConsoleBackend(
    BackendKind Kind,
    string? SocketPath,
    bool StartsSandbox,
    string? SandboxDirectory,
    string SandboxRelease,
    QubesRelease? Release,
    string Description)
{
    /// <summary>The stand-in's folder inside the sandbox data folder.</summary>
    public const string SandboxFolderName = "r4";

    /// <summary>Resolves the backend; the settings must have passed <see cref="ConsoleOptionsValidator"/>.</summary>
    /// <exception cref="InvalidConsoleOptionsException">The backend cannot be chosen (e.g. dom0 runs Qubes R4.0).</exception>
    public static ConsoleBackend Resolve(ConsoleOptions options, ConsolePaths paths, Func<string?>? readReleaseFile = null)
        => TryResolve(options, paths, out var backend, out var error, readReleaseFile)
            ? backend
            : throw new InvalidConsoleOptionsException([error]);

    /// <summary>Resolves the backend, or gives one sentence saying why it cannot be chosen.</summary>
    /// <param name="options">The bound settings.</param>
    /// <param name="paths">The resolved paths (decide the mode and the sandbox data folder).</param>
    /// <param name="backend">The backend, when true is returned.</param>
    /// <param name="error">The sentence, when false is returned.</param>
    /// <param name="readReleaseFile">Returns /etc/qubes-release's text, or null when the file does not exist (tests give
    /// their own); default <see cref="ReadReleaseFile"/>.</param>
    public static bool TryResolve(ConsoleOptions options, ConsolePaths paths,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ConsoleBackend? backend,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error,
        Func<string?>? readReleaseFile = null)
    {
        backend = null;
        error = null;
        var setting = (options.Backend ?? ConsoleBackendSetting.Auto).Trim().ToLowerInvariant();
        var release = (options.QubesdRelease ?? ConsoleBackendSetting.DefaultSandboxRelease).Trim();
        if (paths.Mode == ConsoleMode.Sandbox)
        {
            if (setting != ConsoleBackendSetting.Qubesd)
            {
                backend = new(BackendKind.StorageConf, null, false, null, release, null, "storage.conf sandbox");
                return true;
            }
            var dir = Path.Combine(paths.DataDirectory!, SandboxFolderName);
            var socket = Path.GetFullPath(options.QubesdSocket ?? Path.Combine(dir, "qubesd.sock"));
            backend = new(BackendKind.Qubesd, socket, true, dir, release, null, $"qubesd sandbox (R{release})");
            return true;
        }

        var text = (readReleaseFile ?? ReadReleaseFile)();
        var qubes = text is null ? null : QubesRelease.Parse(text);
        BackendKind kind;
        if (setting != ConsoleBackendSetting.Auto)
        {
            kind = setting == ConsoleBackendSetting.Qubesd ? BackendKind.Qubesd : BackendKind.StorageConf;
        }
        else if (text is null)
        {
            // No release file: dom0 mode was chosen on purpose off Qubes (tests, a copied dom0); it has always meant R3.2.
            kind = BackendKind.StorageConf;
        }
        else
        {
            if (qubes is null)
            {
                error = $"Console:Backend = auto: {QubesRelease.DefaultPath} names no Qubes release, so the backend cannot be detected; "
                    + "set Console:Backend (--backend) to storage-conf (Qubes R3.2) or qubesd (Qubes R4.1 and later).";
                return false;
            }
            if (qubes.Backend is not { } detected)
            {
                error = $"Console:Backend = auto: this dom0 runs Qubes {qubes.Name} (\"{qubes.Text}\"), which the console does not support; "
                    + "it manages Qubes R3.2 (storage.conf) and R4.1 and later (qubesd).";
                return false;
            }
            kind = detected;
        }
        var on = qubes is null ? "" : $" · Qubes {qubes.Name}";
        backend = kind == BackendKind.Qubesd
            ? new(kind, Path.GetFullPath(options.QubesdSocket ?? QubesdClientOptions.DefaultSocketPath), false, null, release, qubes,
                qubes is null ? $"qubesd at {options.QubesdSocket ?? QubesdClientOptions.DefaultSocketPath}" : "qubesd" + on)
            : new(kind, null, false, null, release, qubes, "storage.conf" + on);
        return true;
    }

    /// <summary>/etc/qubes-release's text; null when it does not exist, empty when it cannot be read.</summary>
    public static string? ReadReleaseFile()
    {
        try
        {
            return File.Exists(QubesRelease.DefaultPath) ? File.ReadAllText(QubesRelease.DefaultPath) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
