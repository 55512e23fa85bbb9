using QubesPoolConsole.Core.Config;
using QubesPoolConsole.Core.Diagnostics;
using static QubesPoolConsole.Core.Diagnostics.DiagnosticCodes;

namespace QubesPoolConsole.Core.Pools;

/// <summary>The rules for one pool.</summary>
internal static class PoolChecks
{
    public static void Check(EffectivePool pool, StorageConfDocument document, List<Diagnostic> found)
    {
        string name = pool.Name;
        int line = pool.Line;
        if (name != KnownDrivers.DefaultPool && name.Equals(KnownDrivers.DefaultPool, StringComparison.OrdinalIgnoreCase))
        {
            found.Add(Diagnostic.Error(ReservedSectionName,
                $"[{name}] differs from the default pool only in letter case; Qubes would treat it as a separate pool and users would confuse the two. Rename it.",
                line, name));
        }
        else if (PoolName.Problem(name) is { } problem && name != KnownDrivers.DefaultPool)
        {
            found.Add(Diagnostic.Error(InvalidPoolName, $"Pool name '{PoolName.Shorten(name)}' {problem}.", line, name));
        }

        // driver and class are not in Options, but an indented line can continue them too.
        var values = pool.Options.Select(o => (Key: o.Key, Value: o.Value, Line: o.Line))
            .Append((Key: KnownDrivers.DriverKey, Value: pool.Driver ?? "", Line: pool.DriverLine))
            .Append((Key: KnownDrivers.ClassKey, Value: pool.Class ?? "", Line: pool.ClassLine));
        bool driverBroken = false;
        foreach (var (key, _, at) in values.Where(o => o.Value.Contains('\n')))
        {
            found.Add(Diagnostic.Error(MultiLineValue,
                $"The value of '{key}' in [{name}] continues on an indented line, so Qubes reads a value with a line break in it. Put the whole value on line {at} and remove the indented line.",
                at, name, key));
            driverBroken |= key is KnownDrivers.DriverKey or KnownDrivers.ClassKey;
        }
        foreach (var o in pool.Options)
        {
            if (o.Key is not ("vm" or "name")) continue;
            found.Add(Diagnostic.Error(ReservedKey,
                $"'{o.Key}' cannot be a pool option: Qubes passes its own '{o.Key}' to the driver, and this one makes it fail with a TypeError. Remove it.",
                o.Line, name, o.Key));
        }

        if (driverBroken || !CheckDriver(pool, found)) return;

        if (pool.IsDefault)
        {
            CheckDefaultPool(pool, document, found);
        }
        else if (pool.IsXen)
        {
            CheckXenPool(pool, found);
        }
    }

    /// <summary>Returns true when the pool resolves to a driver whose rules are known (xen).</summary>
    private static bool CheckDriver(EffectivePool pool, List<Diagnostic> found)
    {
        string name = pool.Name;
        var cls = pool.Class;
        if (cls is not null)
        {
            int? at = pool.ClassLine;
            if (cls == KnownDrivers.XenStorageClass)
            {
                found.Add(Diagnostic.Error(XenStorageClass,
                    $"class={cls} (the example in the R3.2 documentation) does not load in Qubes R3.2. Use 'driver=xen' or 'class={KnownDrivers.XenPoolClass}'.",
                    at ?? pool.Line, name, KnownDrivers.ClassKey));
                return false;
            }
            if (!PythonPath.IsDotted(cls))
            {
                found.Add(Diagnostic.Error(InvalidClass,
                    $"class '{PoolName.Shorten(cls)}' is not a dotted Python path like 'package.module.ClassName', so Qubes cannot import it.",
                    at ?? pool.Line, name, KnownDrivers.ClassKey));
                return false;
            }
            if (cls != KnownDrivers.XenPoolClass)
            {
                found.Add(Diagnostic.Warning(CustomDriverUnchecked,
                    $"[{name}] uses the custom class {cls}; the console cannot check its options. Make sure the module is installed in dom0.",
                    at ?? pool.Line, name, KnownDrivers.ClassKey));
                return false;
            }
            return true;
        }
        if (pool.Driver is null)
        {
            found.Add(Diagnostic.Error(NoDriver,
                $"[{name}] has neither 'driver' nor 'class'; Qubes fails with 'Uknown storage pool driver'. Add 'driver=xen'.",
                pool.Line, name));
            return false;
        }
        if (pool.Driver != KnownDrivers.Xen)
        {
            found.Add(Diagnostic.Error(UnknownDriver,
                $"driver '{PoolName.Shorten(pool.Driver)}' is not known to Qubes R3.2 (the only built-in driver is 'xen'). Use 'driver=xen', or 'class=' with the Python path of a custom driver.",
                pool.DriverLine ?? pool.Line, name, KnownDrivers.DriverKey));
            return false;
        }
        return true;
    }

    private static void CheckDefaultPool(EffectivePool pool, StorageConfDocument document, List<Diagnostic> found)
    {
        var section = document.FindSection(pool.Name)!;
        foreach (var o in section.Options.Values)
        {
            if (o.Key is KnownDrivers.DriverKey or KnownDrivers.ClassKey) continue;
            found.Add(Diagnostic.Error(DefaultPoolHasKeys,
                $"'{o.Key}' in [default] crashes Qubes R3.2 (a ValueError when the default pool loads): the default pool takes its dir_path from Qubes' defaults. Remove the line.",
                o.Line, pool.Name, o.Key));
        }
    }

    private static void CheckXenPool(EffectivePool pool, List<Diagnostic> found)
    {
        string name = pool.Name;
        var dir = pool.Option(KnownDrivers.DirPathKey);
        if (dir is null)
        {
            found.Add(Diagnostic.Error(DirPathMissing,
                $"xen pool [{name}] has no dir_path; every qvm tool then fails with a TypeError. Add 'dir_path=/absolute/path'.",
                pool.Line, name, KnownDrivers.DirPathKey));
        }
        else if (!dir.Value.Contains('\n'))
        {
            var check = DirPath.Check(dir.Value);
            if (check.Error is not null)
            {
                found.Add(Diagnostic.Error(check.Code!, $"dir_path of [{name}] {check.Error}.", dir.Line, name, KnownDrivers.DirPathKey));
            }
            else if (check.Normalized != dir.Value)
            {
                found.Add(Diagnostic.Warning(DirPathNotNormalized,
                    $"dir_path '{dir.Value}' of [{name}] is not in normal form; write it as '{check.Normalized}'.", dir.Line, name, KnownDrivers.DirPathKey));
            }
        }
        foreach (var o in pool.Options)
        {
            if (o.Key is KnownDrivers.DirPathKey or "vm" or "name") continue;
            found.Add(Diagnostic.Error(XenExtraKey,
                $"'{PoolName.Shorten(o.Key)}' is not an option of the xen driver (only dir_path is); every qvm tool fails with a TypeError. Remove it.",
                o.Line, name, o.Key));
        }
    }
}
