namespace QubesPoolConsole.Core.Qubesd.Pools;

/// <summary>
/// Checks add, set and remove requests against everything qubesd (core-admin 4.2 and 4.3) would refuse, before
/// anything is sent: many refusals are only an empty reply there, and an Add that fails in setup may already
/// have created directories. The sentences quote what qubesd would answer.
/// </summary>
public static class R4PoolValidator
{
    /// <summary>The characters qubesd allows in a pool name (api/admin.py pool_add: ascii_letters + digits + "-_.").</summary>
    public static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';

    /// <summary>Findings about a new pool's name: qubesd refuses an empty name, other characters, and existing names.</summary>
    public static IReadOnlyList<R4Finding> CheckName(string name, R4PoolTable pools)
    {
        if (name.Length == 0)
        {
            return [R4Finding.Error(R4Codes.PoolNameEmpty, "Give the pool a name (qubesd gives an empty reply for an empty one).", name)];
        }
        var bad = name.FirstOrDefault(c => !IsNameChar(c));
        if (bad != default)
        {
            return [R4Finding.Error(R4Codes.PoolNameCharset,
                $"Pool name '{R4OptionValue.Show(name)}' contains {R4OptionValue.Describe(bad)}; qubesd allows only letters a-z and A-Z, digits, '-', '_' and '.' (and gives an empty reply otherwise).", name)];
        }
        if (pools.Contains(name))
        {
            return [R4Finding.Error(R4Codes.PoolExists, $"A pool named '{name}' already exists; choose another name (qubesd gives an empty reply).", name)];
        }
        return [];
    }

    /// <summary>Every finding about adding <paramref name="request"/> to <paramref name="state"/>.</summary>
    public static IReadOnlyList<R4Finding> ValidateAdd(R4PoolAddRequest request, R4PoolState state) => AnalyseAdd(request, state).Findings;

    /// <summary>Checks an add request and works out what it would send and what qubesd would then hold.</summary>
    public static R4AddAnalysis AnalyseAdd(R4PoolAddRequest request, R4PoolState state)
    {
        var findings = new List<R4Finding>();
        var name = request.Name;
        var driver = state.Driver(request.Driver);
        if (driver is null)
        {
            findings.Add(R4Finding.Error(R4Codes.UnknownDriver, UnknownDriverSentence(request.Driver, state), name, "driver"));
        }
        findings.AddRange(CheckName(name, state.Pools));

        var sent = new List<KeyValuePair<string, string>>();
        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Options)
        {
            if (KeyProblem(key) is { } keyProblem)
            {
                findings.Add(R4Finding.Error(R4Codes.OptionKeyInvalid, $"Option name '{R4OptionValue.Show(key)}' {keyProblem}.", name, key));
                continue;
            }
            if (key == "name" || !seen.Add(key))
            {
                findings.Add(R4Finding.Error(R4Codes.OptionDuplicate,
                    key == "name" ? "'name' is not an option: the pool's name is given on its own (a second name= line makes qubesd give an empty reply)."
                        : $"Option '{key}' is given twice; keep one (qubesd gives an empty reply for a repeated option).", name, key));
                continue;
            }
            var option = driver?.Option(key);
            if (driver is not null && option is null)
            {
                findings.Add(R4Finding.Error(R4Codes.OptionUnknown,
                    $"'{key}' is not an option of the {driver.Name} driver (its options: {string.Join(", ", driver.Options.Select(o => o.Name))}); qubesd answers 'unexpected driver options: {key}'.", name, key));
                continue;
            }
            if (R4OptionValue.TextProblem(value) is { } text)
            {
                findings.Add(R4Finding.Error(text.Code!, $"The value of {key} {text.Problem}.", name, key));
                continue;
            }
            var check = R4OptionValue.Check(option?.Type ?? R4OptionType.Text, value, state.Release);
            if (!check.IsValid)
            {
                findings.Add(R4Finding.Error(check.Code!, $"The value of {key} {check.Problem}.", name, key));
                continue;
            }
            findings.AddRange(DriverRules(driver, key, check.Normalized, name, state.Release));
            sent.Add(KeyValuePair.Create(key, check.Normalized));
            // LinuxKernel keeps dir_path exactly as given (kernels.py:167-169); the file drivers normalise it.
            if (option?.Persisted ?? true) stored[key] = driver == R4DriverTable.LinuxKernel ? check.Normalized : check.Stored;
        }

        if (driver is not null)
        {
            foreach (var missing in driver.RequiredOptions.Where(o => !seen.Contains(o.Name)))
            {
                findings.Add(R4Finding.Error(R4Codes.OptionMissing,
                    $"The {driver.Name} driver needs {missing.Name}: {missing.Help} (R4.3 answers 'missing required driver options: {missing.Name}'; R4.2 gives an empty reply).", name, missing.Name));
            }
            foreach (var opt in driver.Options.Where(o => o.Persisted && o.Default is not null && !stored.ContainsKey(o.Name)))
            {
                stored[opt.Name] = opt.Default!;
            }
            findings.AddRange(Warnings(request, driver, sent, state));
        }

        var call = R4Calls.Add(name, request.Driver, sent);
        if (call.RequestBytes > PlannedCall.MaxRequestBytes)
        {
            findings.Add(R4Finding.Error(R4Codes.RequestTooLarge,
                $"The request would be {call.RequestBytes} bytes; qubesd closes the connection on requests over {PlannedCall.MaxRequestBytes} bytes (64 KiB). Shorten the values.", name));
        }
        var allowed = !findings.Any(f => f.IsError);
        return new R4AddAnalysis(findings, sent, call, allowed ? new R4Pool(name, request.Driver, stored) : null);
    }

    /// <summary>Every finding about setting <paramref name="option"/> of pool <paramref name="pool"/> to <paramref name="value"/>.</summary>
    public static IReadOnlyList<R4Finding> ValidateSet(string pool, string option, string value, R4PoolState state)
        => AnalyseSet(pool, option, value, state).Findings;

    /// <summary>Checks a set request; gives the value to send (booleans as True/False) when allowed.</summary>
    public static (IReadOnlyList<R4Finding> Findings, string Sent) AnalyseSet(string pool, string option, string value, R4PoolState state)
    {
        var target = state.Pools.Find(pool);
        if (target is null)
        {
            return ([R4Finding.Error(R4Codes.PoolNotFound, $"There is no pool named '{R4OptionValue.Show(pool)}' (qubesd gives an empty reply).", pool, option)], value);
        }
        var driver = state.DriverOf(target);
        if (option is not (R4DriverTable.RevisionsToKeep or R4DriverTable.EphemeralVolatile))
        {
            return ([R4Finding.Error(R4Codes.SetNotSupported,
                $"Setting option {R4OptionValue.Show(option)} is not supported for pool {pool}: qubesd can change only revisions_to_keep and ephemeral_volatile once a pool exists. To change it, remove the pool (when nothing uses it) and add it again.", pool, option)], value);
        }
        if (driver.SetRefusal is { } refusal) return ([R4Finding.Error(R4Codes.SetNotSupported, refusal, pool, option)], value);
        var known = driver.Option(option);
        if (known is null)
        {
            return ([R4Finding.Error(R4Codes.SetNotSupported, $"A {driver.Name} pool has no option {option}, so qubesd would not save it.", pool, option)], value);
        }
        if (R4OptionValue.TextProblem(value) is { } text) return ([R4Finding.Error(text.Code!, $"The value of {option} {text.Problem}.", pool, option)], value);
        var check = option == R4DriverTable.RevisionsToKeep ? R4OptionValue.Revisions(value, state.Release) : R4OptionValue.Bool(value);
        if (!check.IsValid) return ([R4Finding.Error(check.Code!, $"The value of {option} {check.Problem}.", pool, option)], value);
        var findings = DriverRules(driver, option, check.Normalized, pool, state.Release).ToList();
        if (!findings.Any(f => f.IsError) && target.Options.TryGetValue(option, out var current) && current == check.Stored)
        {
            findings.Add(R4Finding.Warning(R4Codes.SetUnchanged, $"{option} of {pool} is already {current}; this step changes nothing.", pool, option));
        }
        if (!driver.IsKnown)
        {
            findings.Add(R4Finding.Warning(R4Codes.UnknownDriverOptions, $"The console does not know the {driver.Name} driver; whether it saves {option} in qubes.xml is not known.", pool, option));
        }
        return (findings, check.Normalized);
    }

    /// <summary>
    /// Findings about removing <paramref name="pool"/>: qubesd refuses while any VM volume lives in it or any
    /// default_pool* property resolves to it (app.py:1483-1502); both lists are given in full.
    /// </summary>
    public static IReadOnlyList<R4Finding> ValidateRemove(string pool, R4PoolState state)
    {
        if (!state.Pools.Contains(pool))
        {
            return [R4Finding.Error(R4Codes.PoolNotFound, $"There is no pool named '{R4OptionValue.Show(pool)}' (qubesd gives an empty reply).", pool)];
        }
        var findings = new List<R4Finding>();
        var volumes = state.VolumesIn(pool).ToList();
        if (volumes.Count > 0)
        {
            var byVm = volumes.GroupBy(v => v.Vm).Select(g => $"{g.Key} ({string.Join(", ", g.Select(v => v.Volume))})");
            findings.Add(R4Finding.Error(R4Codes.PoolHasVolumes,
                $"Pool {pool} holds {Count(volumes.Count, "volume")} of {Count(volumes.Select(v => v.Vm).Distinct().Count(), "VM")}: {string.Join("; ", byVm)}. Move or remove them first (qubesd answers 'Storage pool is in use: '{pool}'').", pool));
        }
        var defaults = state.Defaults.NamingPool(pool).ToList();
        if (defaults.Count > 0)
        {
            var names = defaults.Select(d => d.IsDefault && d.Property != R4DefaultPools.DefaultPool ? $"{d.Property} (following default_pool)"
                : d.IsDefault ? $"{d.Property} (qubesd's own choice)" : d.Property);
            findings.Add(R4Finding.Error(R4Codes.PoolIsDefault,
                $"Pool {pool} is {string.Join(", ", names)}. Point {(defaults.Count == 1 ? "it" : "them")} at another pool first (qubesd answers 'Storage pool is in use: set as {defaults[0].Property}').", pool, defaults[0].Property));
        }
        else if (state.Defaults.All.FirstOrDefault(d => d.Value is null) is { } unknown)
        {
            findings.Add(R4Finding.Warning(R4Codes.PoolMayBeDefault,
                $"The console cannot tell which pool {unknown.Property} resolves to (qubesd picks it itself); if it is {pool}, qubesd refuses the removal.", pool, unknown.Property));
        }
        return findings;
    }

    /// <summary>Findings about pointing <paramref name="property"/> at <paramref name="pool"/>.</summary>
    public static IReadOnlyList<R4Finding> ValidateSetDefault(string property, string pool, R4PoolState state)
    {
        if (!R4DefaultPools.IsProperty(property))
        {
            return [R4Finding.Error(R4Codes.NotDefaultProperty, $"'{R4OptionValue.Show(property)}' is not one of {string.Join(", ", R4DefaultPools.Properties)}.", pool, property)];
        }
        var target = state.Pools.Find(pool);
        if (target is null)
        {
            return [R4Finding.Error(R4Codes.PoolNotFound, $"There is no pool named '{R4OptionValue.Show(pool)}' (qubesd answers 'No such storage pool').", pool, property)];
        }
        var kernelEnds = property == "default_pool_kernel" || (property == R4DefaultPools.DefaultPool && state.Defaults["default_pool_kernel"].IsDefault);
        if (kernelEnds && target.Driver != R4DriverTable.LinuxKernel.Name)
        {
            return [R4Finding.Warning(R4Codes.KernelPoolDriver,
                $"default_pool_kernel would become {pool}, a {target.Driver} pool; kernels normally come from a linux-kernel pool (set default_pool_kernel to it explicitly).", pool, "default_pool_kernel")];
        }
        return [];
    }

    /// <summary>Findings about resetting <paramref name="property"/>.</summary>
    public static IReadOnlyList<R4Finding> ValidateResetDefault(string property)
        => R4DefaultPools.IsProperty(property) ? []
            : [R4Finding.Error(R4Codes.NotDefaultProperty, $"'{R4OptionValue.Show(property)}' is not one of {string.Join(", ", R4DefaultPools.Properties)}.", null, property)];

    private static IEnumerable<R4Finding> DriverRules(R4Driver? driver, string key, string value, string pool, R4Release release)
    {
        if (driver is null || key != R4DriverTable.RevisionsToKeep || driver.MaxRevisions is not { } max) yield break;
        if (long.Parse(value, System.Globalization.CultureInfo.InvariantCulture) > max)
        {
            yield return R4Finding.Error(R4Codes.RevisionsAboveLimit,
                $"A {driver.Name} pool keeps at most {max} revision{(max == 1 ? "" : "s")} (qubesd: 'FilePool supports maximum 1 volume revision to keep', an empty reply); use 0 or 1{(release == R4Release.R4_3 ? ", or -1 for none" : "")}, or a file-reflink pool for more.", pool, key);
        }
    }

    private static IEnumerable<R4Finding> Warnings(R4PoolAddRequest request, R4Driver driver, List<KeyValuePair<string, string>> sent, R4PoolState state)
    {
        var name = request.Name;
        if (state.Release == R4Release.R4_2 && driver.Name != R4DriverTable.Zfs.Name
            && sent.Any(o => o.Key == R4DriverTable.EphemeralVolatile && o.Value == "False"))
        {
            yield return R4Finding.Warning(R4Codes.FalseStoredAsTextR42,
                "Qubes R4.2 keeps ephemeral_volatile from an Add as the text 'False', which Python treats as true: volatile volumes would get ephemeral encryption. Leave the option out (False is the default), or set it after adding.", name, R4DriverTable.EphemeralVolatile);
        }
        if (name == "default" && state.Defaults[R4DefaultPools.DefaultPool].IsDefault)
        {
            yield return R4Finding.Warning(R4Codes.PoolNamedDefault,
                "default_pool is not set explicitly, so qubesd uses a pool named 'default' whenever one exists: every property following default_pool would move to this pool.", name, R4DefaultPools.DefaultPool);
        }
        if (driver.Name == R4DriverTable.File.Name)
        {
            yield return R4Finding.Warning(R4Codes.FileDriverDeprecated,
                "The file driver is deprecated (device-mapper snapshots, slow); prefer file-reflink on Btrfs or XFS.", name, "driver");
        }
        if (driver.Name == R4DriverTable.FileReflink.Name && sent.Any(o => o.Key == "setup_check" && o.Value == "False"))
        {
            yield return R4Finding.Warning(R4Codes.ReflinkCheckOff,
                "setup_check=False skips the reflink test: on a file system without reflinks every VM start copies whole volume files (slow starts, wasted space).", name, "setup_check");
        }
        if (!driver.IsKnown)
        {
            yield return R4Finding.Warning(R4Codes.UnknownDriverOptions,
                $"The console does not know the {driver.Name} driver: it cannot tell which options are required or check their values.", name, "driver");
        }
    }

    private static string? KeyProblem(string key)
    {
        if (key.Length == 0) return "is empty";
        if (key.Contains('=')) return "contains '=' (qubesd splits each option at its first '=')";
        if (key.Any(c => c > 0x7f || char.IsControl(c) || c == ' ')) return "contains a space, a control or a non-ASCII character";
        return null;
    }

    private static string UnknownDriverSentence(string driver, R4PoolState state)
    {
        var offered = state.OfferedDrivers.Select(d => d.Name).ToList();
        var close = offered.FirstOrDefault(d => Simplify(d) == Simplify(driver) || (driver == "lvm" && d == "lvm_thin"));
        return $"qubesd has no driver '{R4OptionValue.Show(driver)}' (it answers 'unexpected driver name: {R4OptionValue.Show(driver)}'){(close is null ? "" : $"; did you mean {close}?")} Drivers: {string.Join(", ", offered)}.";
    }

    private static string Simplify(string s) => new([.. s.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
