using System.Globalization;
using System.Reflection;
using QubesPoolConsole.Core.Backends;

namespace QubesPoolConsole.Server.Configuration;

/// <summary>
/// Checks the "Console" settings before the host starts: every bad value gets one sentence naming the setting,
/// the value and what is allowed, so that a typo in appsettings.json, a QPC_ variable or an option does not
/// turn into a stack trace (or, worse, a console quietly working on other files).
/// </summary>
public static class ConsoleOptionsValidator
{
    /// <summary>Lowest port a dom0 user may bind (0 means any free port).</summary>
    public const int LowestUserPort = 1024;

    /// <summary>Longest idle timeout accepted: one week.</summary>
    public const int MaxIdleTimeoutMinutes = 7 * 24 * 60;

    private static readonly string[] PathSettings =
    [
        nameof(ConsoleOptions.Conf), nameof(ConsoleOptions.QubesXml), nameof(ConsoleOptions.DataDirectory),
        nameof(ConsoleOptions.StateDirectory), nameof(ConsoleOptions.DefaultDirPath), nameof(ConsoleOptions.QubesdSocket),
    ];

    /// <summary>The longest UNIX socket path Linux accepts (sun_path holds 108 bytes with the final NUL).</summary>
    public const int MaxSocketPathBytes = 107;

    /// <summary>All problems of <paramref name="section"/>, one sentence each; empty when the settings are usable.</summary>
    /// <param name="section">The "Console" configuration section.</param>
    /// <param name="isDom0">Whether this machine is a dom0 (decides what <see cref="ConsoleMode.Auto"/> means).</param>
    /// <param name="readReleaseFile">/etc/qubes-release's text or null (for <c>Console:Backend = auto</c> in dom0 mode); default <see cref="ConsoleBackend.ReadReleaseFile"/>.</param>
    public static IReadOnlyList<string> Validate(IConfigurationSection section, Func<bool>? isDom0 = null, Func<string?>? readReleaseFile = null)
    {
        var errors = new List<string>();
        var properties = typeof(ConsoleOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

        foreach (var child in section.GetChildren())
        {
            if (string.Equals(child.Key, "ConfigFile", StringComparison.OrdinalIgnoreCase)) continue; // read by SystemConfigFile
            if (!properties.TryGetValue(child.Key, out var property))
            {
                errors.Add($"{Name(child.Key)}: unknown setting. Known settings: {string.Join(", ", properties.Keys.Order())}.");
                continue;
            }
            if (child.Value is { } raw && !Converts(property.PropertyType, raw))
            {
                errors.Add($"{Name(property.Name)} = \"{raw}\": {Expected(property.PropertyType)}.");
            }
        }
        if (errors.Count > 0) return errors; // the values cannot be bound yet

        var options = section.Get<ConsoleOptions>() ?? new ConsoleOptions();
        if (options.Port is not 0 and (< LowestUserPort or > 65535))
        {
            errors.Add($"{Name(nameof(options.Port))} = {options.Port}: must be 0 (any free port) or between {LowestUserPort} and 65535 (the console runs as a normal user).");
        }
        if (options.IdleTimeoutMinutes is <= 0 or > MaxIdleTimeoutMinutes)
        {
            errors.Add($"{Name(nameof(options.IdleTimeoutMinutes))} = {options.IdleTimeoutMinutes}: must be between 1 and {MaxIdleTimeoutMinutes} minutes.");
        }

        int errorsBeforeBackend = errors.Count;
        if (options.Backend is { } backendSetting && !ConsoleBackendSetting.All.Contains(backendSetting.Trim().ToLowerInvariant()))
        {
            errors.Add($"{Name(nameof(options.Backend))} = \"{backendSetting}\": must be one of {string.Join(", ", ConsoleBackendSetting.All)}.");
        }
        if (options.QubesdRelease is { } release && !ConsoleBackendSetting.SandboxReleases.Contains(release.Trim()))
        {
            errors.Add($"{Name(nameof(options.QubesdRelease))} = \"{release}\": the R4 sandbox answers as Qubes {string.Join(" or ", ConsoleBackendSetting.SandboxReleases)}.");
        }

        bool backendValuesOk = errors.Count == errorsBeforeBackend;
        var dom0 = options.Mode == ConsoleMode.Dom0 || (options.Mode == ConsoleMode.Auto && (isDom0 ?? IsDom0)());
        var badPaths = new HashSet<string>();
        foreach (var name in PathSettings)
        {
            var value = (string?)typeof(ConsoleOptions).GetProperty(name)!.GetValue(options);
            if (value is null) continue;
            badPaths.Add(name);
            if (value.Trim().Length == 0)
            {
                errors.Add($"{Name(name)} is empty: remove it to use the default, or give a path.");
            }
            else if (value.Contains('\0'))
            {
                errors.Add($"{Name(name)} contains a NUL character.");
            }
            else if (dom0 && !Path.IsPathRooted(value))
            {
                errors.Add($"{Name(name)} = \"{value}\": must be an absolute path in dom0 mode.");
            }
            else
            {
                badPaths.Remove(name);
            }
        }

        // The backend is resolved only from usable values (sandbox paths are made absolute, which bad ones cannot be);
        // with bad ones, their sentences above are enough.
        options.Mode = dom0 ? ConsoleMode.Dom0 : ConsoleMode.Sandbox;
        ConsoleBackend? backend = null;
        bool undecided = false;
        if (backendValuesOk && badPaths.Count == 0
            && !ConsoleBackend.TryResolve(options, ConsolePaths.Resolve(options), out backend, out var backendError, readReleaseFile))
        {
            errors.Add(backendError);
            undecided = true; // which files matter depends on the backend: say only why it cannot be chosen
        }
        if (backend?.SocketPath is { } socket && System.Text.Encoding.UTF8.GetByteCount(socket) > MaxSocketPathBytes)
        {
            errors.Add($"{Name(nameof(options.QubesdSocket))} = \"{socket}\": a UNIX socket path may have at most {MaxSocketPathBytes} bytes; "
                + (backend.StartsSandbox ? "choose a shorter data folder (--data) or socket path." : "choose a shorter path."));
        }
        if (dom0)
        {
            // Dom0 mode creates nothing outside the state folder: the folders it writes into must already exist.
            // The qubesd backend writes no storage.conf and no pool folders, so only the state folder matters.
            var paths = ConsolePaths.Resolve(options); // dom0 paths are taken as given: safe even with bad values
            bool storageConf = backend?.Kind == BackendKind.StorageConf
                || (backend is null && !undecided && !string.Equals(options.Backend?.Trim(), ConsoleBackendSetting.Qubesd, StringComparison.OrdinalIgnoreCase));
            if (storageConf && !badPaths.Contains(nameof(options.Conf))) RequireParent(errors, nameof(options.Conf), paths.Conf, "storage.conf");
            if (!badPaths.Contains(nameof(options.StateDirectory))) RequireParent(errors, nameof(options.StateDirectory), paths.StateDirectory, "the state directory");
            if (storageConf && !badPaths.Contains(nameof(options.DefaultDirPath)) && !Directory.Exists(paths.DefaultDirPath))
            {
                errors.Add($"{Name(nameof(options.DefaultDirPath))} = \"{paths.DefaultDirPath}\": the directory does not exist.");
            }
        }
        return errors;
    }

    /// <summary>Throws <see cref="InvalidConsoleOptionsException"/> listing every problem, if there is any.</summary>
    public static void ThrowIfInvalid(IConfigurationSection section, Func<bool>? isDom0 = null, Func<string?>? readReleaseFile = null)
    {
        var errors = Validate(section, isDom0, readReleaseFile);
        if (errors.Count > 0) throw new InvalidConsoleOptionsException(errors);
    }

    /// <summary>The same test <see cref="ConsolePaths.Resolve"/> uses for <see cref="ConsoleMode.Auto"/>.</summary>
    public static bool IsDom0() => File.Exists("/etc/qubes-release");

    private static void RequireParent(List<string> errors, string setting, string path, string what)
    {
        var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(path));
        if (parent is not null && !Directory.Exists(parent))
        {
            errors.Add($"{Name(setting)} = \"{path}\": the folder {parent} for {what} does not exist.");
        }
    }

    private static bool Converts(Type type, string raw)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(string)) return true;
        if (target.IsEnum)
        {
            // The binder accepts names in any case; numbers would slip through Enum.TryParse, so refuse them.
            return !raw.Trim().All(c => char.IsDigit(c) || c == '-') && Enum.TryParse(target, raw, ignoreCase: true, out var v) && Enum.IsDefined(target, v!);
        }
        if (raw.Length == 0) return Nullable.GetUnderlyingType(type) is not null;
        // The types ConsoleOptions has, parsed as the binder parses them (no TypeDescriptor: the CLI is trimmed).
        var culture = CultureInfo.InvariantCulture;
        if (target == typeof(int)) return int.TryParse(raw, NumberStyles.Integer, culture, out _);
        if (target == typeof(long)) return long.TryParse(raw, NumberStyles.Integer, culture, out _);
        if (target == typeof(bool)) return bool.TryParse(raw, out _);
        if (target == typeof(TimeSpan)) return TimeSpan.TryParse(raw, culture, out _);
        throw new NotSupportedException($"ConsoleOptions has a setting of type {target.Name} that the validator cannot check.");
    }

    private static string Expected(Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target.IsEnum) return "must be one of " + string.Join(", ", Enum.GetNames(target));
        if (target == typeof(int) || target == typeof(long)) return "must be a whole number";
        if (target == typeof(bool)) return "must be true or false";
        if (target == typeof(TimeSpan)) return "must be a duration such as 00:30:00";
        return "must be a " + target.Name;
    }

    private static string Name(string key) => $"{ConsoleOptions.Section}:{key}";
}
