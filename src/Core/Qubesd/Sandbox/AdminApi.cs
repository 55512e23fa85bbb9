using System.Text.RegularExpressions;

namespace QubesPoolConsole.Core.Qubesd.Sandbox;

/// <summary>
/// The stand-in's <c>QubesAdminAPI</c>: decodes source and destination as <c>AbstractQubesAPI.__init__</c> does,
/// finds the method (none: ProtocolError, empty reply), refuses a payload for a no-payload method, runs the
/// handler. Handlers follow qubes/api/admin.py of release4.3 (and release4.2 where <see cref="SandboxEnvironment.IsR42"/>).
/// </summary>
internal sealed partial class AdminApi
{
    private readonly SandboxEnvironment _env;
    private readonly SandboxState _state;
    private readonly Action _save;
    private readonly Dictionary<string, (bool NoPayload, Func<Call, string?> Handler)> _methods;
    private readonly List<SandboxEvents.Frame> _fired = [];

    public AdminApi(SandboxEnvironment env, SandboxState state, Action save)
    {
        _env = env;
        _state = state;
        _save = save;
        _methods = new(StringComparer.Ordinal);
        RegisterPoolMethods();
        RegisterPropertyMethods();
        RegisterVmMethods();
        RegisterCreateMethods();
    }

    /// <summary>One decoded call: source and destination VMs, argument, raw payload.</summary>
    private sealed record Call(SandboxVm Source, SandboxVm Dest, string Arg, byte[] Payload)
    {
        public bool DestIsDom0 => Dest.Name == "dom0";
    }

    /// <summary>
    /// The reply bytes; an empty array means "abort the connection" (qubesd's empty reply). <paramref name="fired"/>
    /// holds the events a successful call fired, in order (none for a refused one).
    /// </summary>
    public byte[] Handle(WireRequest request, out string? journal, out IReadOnlyList<SandboxEvents.Frame> fired)
    {
        journal = null;
        fired = [];
        _fired.Clear();
        try
        {
            var src = DecodeVm(request.Source);
            var dest = DecodeVm(request.Destination);
            var arg = PyValues.Ascii(request.Arg) ?? throw QubesdRefusal.Empty("UnicodeDecodeError in arg");
            var method = PyValues.Ascii(request.Method) ?? throw QubesdRefusal.Empty("UnicodeDecodeError in method");
            if (!_methods.TryGetValue(method, out var entry)) throw QubesdRefusal.Empty($"no such method: {PyValues.PyRepr(method)}");
            if (entry.NoPayload && request.Payload.Length != 0) throw QubesdRefusal.Empty("unexpected payload");
            var reply = WireReply.Ok(entry.Handler(new Call(src, dest, arg, request.Payload)));
            fired = [.. _fired];
            return reply;
        }
        catch (QubesdRefusal refusal)
        {
            journal = refusal.Message;
            return refusal.ExcType is { } type ? WireReply.Exception(type, refusal.Message) : [];
        }
    }

    private void Register(string method, bool noPayload, Func<Call, string?> handler) => _methods[method] = (noPayload, handler);

    /// <summary>
    /// <c>admin.Events</c> before it streams: the argument must be empty and the destination exist. Null when the
    /// stream may start (<paramref name="subject"/>: null for dom0, every event; else that VM's), else the refusal's bytes.
    /// </summary>
    public byte[]? OpenEvents(WireRequest request, out string? subject, out string? journal)
    {
        subject = null;
        journal = null;
        try
        {
            var dest = DecodeVm(request.Destination);
            QubesdRefusal.Enforce(request.Arg.Length == 0, "argument given");
            if (request.Payload.Length != 0) throw QubesdRefusal.Empty("unexpected payload");
            subject = dest.Name == "dom0" ? null : dest.Name;
            return null;
        }
        catch (QubesdRefusal refusal)
        {
            journal = refusal.Message;
            return refusal.ExcType is { } type ? WireReply.Exception(type, refusal.Message) : [];
        }
    }

    /// <summary>Fires an event of the app (<paramref name="subject"/> empty) or of a VM, sent if the call succeeds.</summary>
    private void Fire(string subject, string name, params (string Key, string Value)[] properties)
        => _fired.Add(new SandboxEvents.Frame(subject, name, properties));

    private void Save() => _save();

    private static readonly Regex UuidPrefix = new(@"\Auuid:[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]*", RegexOptions.CultureInvariant);

    /// <summary>R4.3 <c>decode_vm</c> (uuid: or a valid name) or R4.2's plain lookup by name.</summary>
    private SandboxVm DecodeVm(byte[] raw)
    {
        var vm = PyValues.Ascii(raw) ?? throw QubesdRefusal.Empty("UnicodeDecodeError in a VM name");
        if (_env.IsR42) return _state.FindVm(vm) ?? throw NotFound(vm);
        if (vm.StartsWith("uuid:", StringComparison.Ordinal))
        {
            if (raw.Length != 41 || !UuidPrefix.IsMatch(vm) || !Guid.TryParse(vm[5..], out var uuid))
            {
                throw QubesdRefusal.Qubes("QubesVMInvalidUUIDError", $"VM UUID is not valid: {PyValues.PyRepr(vm[5..])}");
            }
            return _state.Domains.FirstOrDefault(d => d.Uuid == uuid) ?? throw NotFound(vm);
        }
        ValidateName(vm);
        return _state.FindVm(vm) ?? throw NotFound(vm);
    }

    private static QubesdRefusal NotFound(string vm)
        => QubesdRefusal.Qubes("QubesVMNotFoundError", $"No such domain: {PyValues.PyRepr(vm)}");

    /// <summary><c>qubes.vm.validate_name(None, None, value)</c>, message for message.</summary>
    private static void ValidateName(string value)
    {
        static QubesdRefusal Bad(string m) => QubesdRefusal.Qubes("QubesValueError", m);
        if (value.Length > 31) throw Bad("VM name must be shorter than 32 characters");
        if (Regex.IsMatch(value, @"\A[0-9_.-].*\z", RegexOptions.CultureInvariant))
            throw Bad("VM name cannot start with hyphen, underscore, dot or numbers");
        if (!Regex.IsMatch(value, @"\A[a-zA-Z][a-zA-Z0-9_.-]*\z", RegexOptions.CultureInvariant))
            throw Bad("VM name contains illegal characters");
        if (value == "Domain-0") throw Bad("VM name cannot be 'Domain-0'");
        if (value is "none" or "default") throw Bad("VM name cannot be 'none' nor 'default'");
        if (value.EndsWith("-dm", StringComparison.Ordinal)) throw Bad("VM name cannot end with -dm");
    }
}
