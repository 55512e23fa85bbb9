using System.Runtime;

namespace QubesPoolConsole.Server.Startup;

/// <summary>
/// The runtime's multi-core JIT profile (<see cref="ProfileOptimization"/>): every start records the methods it
/// compiles and prepares, and writes the list when it stops; the next start replays that list on a background thread
/// while this one builds the host, so the first visit finds the code ready (docs/benchmarks.md, seventh round).
/// The file is a cache: without it the console starts as before, a damaged one is skipped by the runtime.
/// </summary>
public static class StartupJitProfile
{
    /// <summary>The runtimeconfig switch that turns the profile on; set for builds published for a runtime.</summary>
    public const string SwitchName = "QubesPoolConsole.StartupJitProfile";

    public const string FileName = "startup.jitprofile";

    /// <summary>Starts recording, and replaying the last start's list when there is one.</summary>
    public static JitProfileStart Start()
    {
        if (!AppContext.TryGetSwitch(SwitchName, out bool on) || !on) return JitProfileStart.Off;
        if (Folder(Environment.GetEnvironmentVariable) is not { } folder) return JitProfileStart.Off;
        try
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return JitProfileStart.Off; // read-only home or no permission: start without the profile
        }
        bool replaying = File.Exists(Path.Combine(folder, FileName));
        ProfileOptimization.SetProfileRoot(folder);
        ProfileOptimization.StartProfile(FileName);
        return replaying ? JitProfileStart.Replaying : JitProfileStart.Recording;
    }

    /// <summary>
    /// The console's cache folder: systemd's <c>CacheDirectory=</c> (the unit's sandbox drop-in), else
    /// <c>$XDG_CACHE_HOME/qubes-pool-console</c>, else <c>~/.cache/qubes-pool-console</c>; null without an absolute base.
    /// </summary>
    public static string? Folder(Func<string, string?> environment)
    {
        // systemd lists one folder per CacheDirectory= entry, separated by colons; the unit has one.
        if (environment("CACHE_DIRECTORY")?.Split(':')[0] is { Length: > 0 } systemd && Path.IsPathRooted(systemd))
        {
            return systemd;
        }
        if (environment("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg))
        {
            return Path.Combine(xdg, "qubes-pool-console");
        }
        if (environment("HOME") is { Length: > 0 } home && Path.IsPathRooted(home))
        {
            return Path.Combine(home, ".cache", "qubes-pool-console");
        }
        return null;
    }
}

/// <summary>What <see cref="StartupJitProfile.Start"/> did.</summary>
public enum JitProfileStart
{
    /// <summary>Not a build published for a runtime, or no writable cache folder.</summary>
    Off,

    /// <summary>No earlier start left a profile (the first start on this machine, or after an update).</summary>
    Recording,

    /// <summary>An earlier start's profile is replayed on a background thread while this start records its own.</summary>
    Replaying,
}
