namespace QubesPoolConsole.Core.Qubesd.Sandbox;

internal sealed partial class AdminApi
{
    /// <summary>
    /// The global properties qubesd lists (qubes.app.Qubes, R4.2 and R4.3 alike). The five <c>default_pool*</c> are
    /// live; the others answer fixed values, and setting them is not simulated (empty reply).
    /// </summary>
    private static readonly Dictionary<string, string> FixedProperties = new(StringComparer.Ordinal)
    {
        ["check_updates_vm"] = "default=True type=bool True",
        ["clockvm"] = "default=False type=vm sys-net",
        ["default_audiovm"] = "default=True type=vm dom0",
        ["default_dispvm"] = "default=False type=vm ",
        ["default_guivm"] = "default=True type=vm dom0",
        ["default_kernel"] = "default=False type=str " + SandboxSeed.KernelVersion,
        ["default_netvm"] = "default=False type=vm sys-net",
        ["default_qrexec_timeout"] = "default=True type=int 60",
        ["default_shutdown_timeout"] = "default=True type=int 60",
        ["default_template"] = "default=False type=vm " + SandboxSeed.Template,
        ["management_dispvm"] = "default=True type=vm ",
        ["stats_interval"] = "default=True type=int 3",
        ["updatevm"] = "default=False type=vm sys-net",
    };

    private void RegisterPropertyMethods()
    {
        Register("admin.property.List", true, c =>
        {
            QubesdRefusal.Enforce(c.DestIsDom0, "dest is not dom0");
            QubesdRefusal.Enforce(c.Arg.Length == 0, "argument given");
            return Lines(FixedProperties.Keys.Concat(SandboxState.PoolProperties).Order(StringComparer.Ordinal));
        });
        Register("admin.property.Get", true, c =>
        {
            QubesdRefusal.Enforce(c.DestIsDom0, "dest is not dom0");
            if (IsPoolProperty(c.Arg))
            {
                var value = _state.EffectivePool(c.Arg, _env.BaseDir);
                bool isDefault = _state.ExplicitProperty(c.Arg) is null;
                // getattr raising AttributeError (no default pool can be found) gives "default=True type=str ".
                return value is null ? "default=True type=str " : $"default={PyValues.Str(isDefault)} type=str {value.Name}";
            }
            return FixedProperties.TryGetValue(c.Arg, out var fixedValue) ? fixedValue : throw NoSuchProperty(c.Arg);
        });
        Register("admin.property.GetDefault", true, c =>
        {
            QubesdRefusal.Enforce(c.DestIsDom0, "dest is not dom0");
            if (!IsPoolProperty(c.Arg))
            {
                if (FixedProperties.ContainsKey(c.Arg)) throw QubesdRefusal.Empty("not simulated: GetDefault of " + c.Arg);
                throw NoSuchProperty(c.Arg);
            }
            // The default of default_pool_X is default_pool's current value; default_pool's is the computed one.
            var value = c.Arg == "default_pool"
                ? _state.ComputedDefaultPool(_env.BaseDir)
                : _state.EffectivePool("default_pool", _env.BaseDir);
            return value is null ? null : "type=str " + value.Name;
        });
        Register("admin.property.Set", false, c =>
        {
            QubesdRefusal.Enforce(c.DestIsDom0, "dest is not dom0");
            if (!IsPoolProperty(c.Arg))
            {
                if (FixedProperties.ContainsKey(c.Arg)) throw QubesdRefusal.Empty("not simulated: Set of " + c.Arg);
                throw NoSuchProperty(c.Arg);
            }
            var text = PyValues.Ascii(c.Payload)
                ?? throw QubesdRefusal.Qubes("QubesValueError", "Non-ASCII bytes in property value");
            if (!text.All(IsPrintable)) throw QubesdRefusal.Qubes("QubesValueError", "Invalid characters in property value");
            if (_state.FindPool(text) is null) throw QubesdRefusal.Qubes("QubesPropertyValueError", "No such storage pool");
            var old = OldValue(c.Arg);
            _state.SetProperty(c.Arg, text);
            Save();
            FirePair("property-pre-set:", "property-set:", c.Arg, ("newvalue", text), old);
            return null;
        });
        Register("admin.property.Reset", true, c =>
        {
            QubesdRefusal.Enforce(c.DestIsDom0, "dest is not dom0");
            if (!IsPoolProperty(c.Arg))
            {
                if (FixedProperties.ContainsKey(c.Arg)) throw QubesdRefusal.Empty("not simulated: Reset of " + c.Arg);
                throw NoSuchProperty(c.Arg);
            }
            var old = OldValue(c.Arg);
            _state.ResetProperty(c.Arg);
            Save();
            // property.__delete__ fires the reset pair around the del pair (the order qubesd streams them).
            Fire("", "property-pre-reset:" + c.Arg, [("name", c.Arg), .. old]);
            Fire("", "property-pre-del:" + c.Arg, [("name", c.Arg), .. old]);
            Fire("", "property-reset:" + c.Arg, [("name", c.Arg), .. old]);
            Fire("", "property-del:" + c.Arg, [("name", c.Arg), .. old]);
            return null;
        });
    }

    /// <summary>The <c>oldvalue=</c> argument: the pool the property pointed at before (none when it had no value).</summary>
    private (string Key, string Value)[] OldValue(string property)
        => _state.EffectivePool(property, _env.BaseDir) is { } pool ? [("oldvalue", pool.Name)] : [];

    private void FirePair(string pre, string post, string property, (string Key, string Value) value, (string Key, string Value)[] old)
    {
        Fire("", pre + property, [("name", property), value, .. old]);
        Fire("", post + property, [("name", property), value, .. old]);
    }

    private static bool IsPoolProperty(string name) => SandboxState.PoolProperties.Contains(name);

    /// <summary>Python's <c>string.printable</c>.</summary>
    private static bool IsPrintable(char ch) => ch is >= ' ' and <= '~' or '\t' or '\n' or '\r' or '\v' or '\f';

    private static QubesdRefusal NoSuchProperty(string name)
        => QubesdRefusal.Qubes("QubesNoSuchPropertyError", $"Invalid property {PyValues.PyRepr(name)} of Qubes");
}
