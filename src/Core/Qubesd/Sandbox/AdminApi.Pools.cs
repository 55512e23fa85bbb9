using System.Text;

namespace QubesPoolConsole.Core.Qubesd.Sandbox;

internal sealed partial class AdminApi
{
    private const string PoolNameChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.";

    private void RegisterPoolMethods()
    {
        Register("admin.pool.List", true, c =>
        {
            QubesdRefusal.Enforce(c.Arg.Length == 0, "argument given");
            QubesdRefusal.Enforce(c.DestIsDom0, "dest is not dom0");
            return Lines(_state.Pools.Select(p => p.Name));
        });
        Register("admin.pool.ListDrivers", true, c =>
        {
            QubesdRefusal.Enforce(c.DestIsDom0, "dest is not dom0");
            QubesdRefusal.Enforce(c.Arg.Length == 0, "argument given");
            return Lines(SandboxDrivers.All.Select(d => d.Driver + " " + string.Join(' ', d.Parameters.Select(p => p.Name))));
        });
        Register("admin.pool.Info", true, c =>
        {
            var pool = ExistingPool(c);
            var info = new StringBuilder();
            foreach (var kv in pool.Config.OrderBy(kv => kv.Key, StringComparer.Ordinal)) info.Append($"{kv.Key}={kv.Value}\n");
            // The deprecated size and usage lines, then included_in.
            if (pool.Size is { } size) info.Append($"size={size}\n");
            if (pool.Usage is { } usage) info.Append($"usage={usage}\n");
            if (pool.IncludedIn(_state) is { } outer) info.Append($"included_in={outer.Name}\n");
            return info.ToString();
        });
        Register("admin.pool.UsageDetails", true, c =>
        {
            var details = ExistingPool(c).UsageDetails;
            return string.Concat(details.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}\n"));
        });
        Register("admin.pool.volume.List", true, c => Lines(ExistingPool(c).VolumeIds(_state)));
        Register("admin.pool.Add", false, PoolAdd);
        Register("admin.pool.Remove", true, PoolRemove);
        Register("admin.pool.Set.revisions_to_keep", false, c =>
        {
            var pool = ExistingPool(c);
            long value = ValidateSize(c.Payload, allowNegative: !_env.IsR42);
            if (value < -1) throw QubesdRefusal.Empty("ProtocolError: Invalid value for revisions_to_keep");
            pool.SetRevisionsToKeep(value.ToString());
            Save();
            return null;
        });
        Register("admin.pool.Set.ephemeral_volatile", false, c =>
        {
            var pool = ExistingPool(c);
            var text = PyValues.Ascii(c.Payload) ?? throw QubesdRefusal.Empty("ProtocolError: Invalid value");
            bool value;
            try { value = PyValues.PropertyBool(text); }
            catch (QubesdRefusal) { throw QubesdRefusal.Empty("ProtocolError: Invalid value"); }
            pool.EphemeralVolatile = PyValues.Str(value);
            Save();
            return null;
        });
    }

    private SandboxPool ExistingPool(Call c)
    {
        QubesdRefusal.Enforce(c.DestIsDom0, "dest is not dom0");
        var pool = _state.FindPool(c.Arg);
        QubesdRefusal.Enforce(pool is not null, $"no pool {c.Arg}");
        return pool!;
    }

    private string? PoolAdd(Call c)
    {
        QubesdRefusal.Enforce(c.DestIsDom0, "dest is not dom0");
        var parameters = SandboxDrivers.Parameters(c.Arg)
            ?? throw QubesdRefusal.Qubes("QubesException", "unexpected driver name: " + c.Arg);
        var text = PyValues.Ascii(c.Payload) ?? throw QubesdRefusal.Empty("UnicodeDecodeError in the payload");
        var lines = PyValues.SplitLines(text);
        QubesdRefusal.Enforce(lines.All(l => l.Contains('=')), "a line without '='");
        var pairs = lines.Select(l => (Key: l[..l.IndexOf('=')], Value: l[(l.IndexOf('=') + 1)..])).ToList();
        QubesdRefusal.Enforce(pairs.Select(p => p.Key).Distinct().Count() == pairs.Count, "duplicated option");
        var config = new Dictionary<string, string>();
        var order = new List<string>();
        foreach (var (key, value) in pairs)
        {
            config[key] = value;
            order.Add(key);
        }
        QubesdRefusal.Enforce(config.Remove("name", out var name), "no name");
        order.Remove("name");
        QubesdRefusal.Enforce(name!.All(ch => PoolNameChars.Contains(ch)), "bad pool name");
        QubesdRefusal.Enforce(_state.FindPool(name!) is null, "pool exists");

        var unexpected = order.Where(k => parameters.All(p => p.Name != k)).ToList();
        if (unexpected.Count > 0)
            throw QubesdRefusal.Qubes("QubesException", "unexpected driver options: " + string.Join(' ', unexpected));
        // R4.3 names the missing options (core-admin 4.3.39); R4.2 reaches the constructor, whose TypeError is unhandled.
        var missing = parameters.Where(p => p.Required && !config.ContainsKey(p.Name)).Select(p => p.Name).ToList();
        if (missing.Count > 0 && !_env.IsR42)
            throw QubesdRefusal.Qubes("QubesException", "missing required driver options: " + string.Join(' ', missing));

        var pool = SandboxDrivers.Create(_env, c.Arg, name!, config);
        pool.Setup();
        _state.Pools.Add(pool);
        Save();
        Fire("", "pool-add", ("pool", pool.Name));
        return null;
    }

    private string? PoolRemove(Call c)
    {
        var pool = ExistingPool(c);
        if (_state.Domains.Any(vm => vm.Volumes.Any(v => v.Pool == pool.Name)))
        {
            throw QubesdRefusal.Qubes("QubesPoolInUseError", $"Storage pool is in use: {PyValues.PyRepr(pool.Name)}");
        }
        foreach (var property in new[] { "default_pool", "default_pool_kernel", "default_pool_private", "default_pool_root", "default_pool_volatile" })
        {
            if (ReferenceEquals(_state.EffectivePool(property, _env.BaseDir), pool))
            {
                throw QubesdRefusal.Qubes("QubesPoolInUseError", "Storage pool is in use: set as " + property);
            }
        }
        // No data is deleted: directories, LVs and datasets stay (remove_pool no longer calls destroy()).
        Fire("", "pool-pre-delete", ("pool", pool.Name));
        _state.Pools.Remove(pool);
        Save();
        Fire("", "pool-delete", ("pool", pool.Name));
        return null;
    }

    /// <summary><c>validate_size</c>: ASCII digits (and a leading '-' when allowed), under 20 digits, no leading zero.</summary>
    private static long ValidateSize(byte[] raw, bool allowNegative)
    {
        var span = raw.AsSpan();
        long sign = 1;
        if (allowNegative && span.StartsWith("-"u8))
        {
            sign = -1;
            span = span[1..];
        }
        if (span.Length == 0 || span.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0)
            throw QubesdRefusal.Empty("ProtocolError: Size must be ASCII digits (only)");
        if (span.Length >= 20) throw QubesdRefusal.Empty("ProtocolError: Sizes limited to 19 decimal digits");
        if (span[0] == (byte)'0' && span.Length != 1) throw QubesdRefusal.Empty("ProtocolError: Spurious leading zeros not allowed");
        // 19 digits can exceed long.MaxValue; Python's int cannot overflow, but every such value fails a later check anyway.
        return ulong.Parse(span) is var u && u > long.MaxValue ? sign * long.MaxValue : sign * (long)u;
    }

    private static string Lines(IEnumerable<string> items) => string.Concat(items.Select(i => i + "\n"));
}
