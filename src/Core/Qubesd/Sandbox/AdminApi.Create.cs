namespace QubesPoolConsole.Core.Qubesd.Sandbox;

/// <summary>
/// <c>admin.label.List</c>, <c>admin.vm.Create.*</c>, <c>admin.vm.CreateInPool.*</c> and <c>admin.vm.Remove</c>,
/// following <c>_vm_create</c> of qubes/api/admin.py (release4.3; release4.2 has the same semantics) and
/// <c>_patch_pool_config</c> of qubes/vm/qubesvm.py.
/// </summary>
internal sealed partial class AdminApi
{
    private const long Gib = 1L << 30;
    private const string LabelChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.";
    private static readonly string[] PoolVolumes = ["root", "private", "volatile", "kernel"];

    private void RegisterCreateMethods()
    {
        Register("admin.label.List", true, c =>
        {
            QubesdRefusal.Enforce(c.DestIsDom0, "dest is not dom0");
            QubesdRefusal.Enforce(c.Arg.Length == 0, "argument given");
            return Lines(_state.Labels.Select(l => l.Name));
        });
        foreach (var cls in new[] { "AppVM", "TemplateVM", "StandaloneVM", "DispVM" })
        {
            Register("admin.vm.Create." + cls, false, c => VmCreate(c, cls, allowPool: false));
            Register("admin.vm.CreateInPool." + cls, false, c => VmCreate(c, cls, allowPool: true));
        }
        Register("admin.vm.Remove", true, c =>
        {
            QubesdRefusal.Enforce(c.Arg.Length == 0, "argument given");
            if (c.Dest.Class == "AdminVM") throw QubesdRefusal.Qubes("QubesValueError", "Cannot remove dom0");
            Fire("", "domain-pre-delete", ("vm", c.Dest.Name));
            foreach (var v in c.Dest.Volumes) RemoveImage(v);
            _state.Domains.Remove(c.Dest);
            Save();
            Fire("", "domain-delete", ("vm", c.Dest.Name));
            return null;
        });
    }

    private string? VmCreate(Call c, string cls, bool allowPool)
    {
        QubesdRefusal.Enforce(c.DestIsDom0, "dest is not dom0");
        bool hasTemplate = cls is "AppVM" or "DispVM";
        SandboxVm? template = null;
        if (c.Arg.Length != 0)
        {
            if (!hasTemplate) throw QubesdRefusal.Qubes("QubesValueError", $"{cls} cannot be based on template");
            template = _state.FindVm(c.Arg) ?? throw NotFound(c.Arg);
        }
        var text = PyValues.Ascii(c.Payload) ?? throw QubesdRefusal.Empty("UnicodeDecodeError in payload");
        string? name = null, label = null;
        SandboxPool? pool = null;
        var pools = new Dictionary<string, SandboxPool>(StringComparer.Ordinal);
        foreach (var param in text.Split(' '))
        {
            int eq = param.IndexOf('=');
            if (eq < 0) throw QubesdRefusal.Empty("ValueError: not enough values to unpack");
            string key = param[..eq], value = param[(eq + 1)..];
            if ((key == "name" && name is not null) || (key == "label" && label is not null))
                throw QubesdRefusal.Empty("ProtocolError: duplicated parameters");
            if (key == "name")
            {
                ValidateName(value);
                name = value;
            }
            else if (key == "label")
            {
                QubesdRefusal.Enforce(!(value.Length > 0 && value.All(char.IsAsciiDigit)), "label is a number");
                QubesdRefusal.Enforce(value.All(ch => LabelChars.Contains(ch)), "label characters");
                if (!_state.Labels.Any(l => l.Name == value))
                    throw QubesdRefusal.Qubes("QubesLabelNotFoundError", "Label does not exist: " + value);
                label = value;
            }
            else if (key == "pool" && allowPool)
            {
                if (pool is not null) throw QubesdRefusal.Empty("ProtocolError: duplicated pool parameter");
                pool = GetPool(value);
            }
            else if (key.StartsWith("pool:", StringComparison.Ordinal) && allowPool)
            {
                var volume = key[5..];
                QubesdRefusal.Enforce(PoolVolumes.Contains(volume), "unknown volume");
                if (pools.ContainsKey(volume)) throw QubesdRefusal.Empty($"ProtocolError: duplicated pool:{volume} parameter");
                pools[volume] = GetPool(value);
            }
            else
            {
                throw QubesdRefusal.Empty("ProtocolError: Invalid param name");
            }
        }
        if (name is null || label is null) throw QubesdRefusal.Empty("ProtocolError: Missing name or label");
        if (pool is not null && pools.Count > 0)
            throw QubesdRefusal.Empty("ProtocolError: Only one of 'pool=' and 'pool:volume=' can be used");
        if (_state.FindVm(name) is not null) throw QubesdRefusal.Qubes("QubesValueError", $"VM {name} already exists");
        if (hasTemplate)
        {
            // The template property's default: default_template for an AppVM; the stand-in sets no default_dispvm.
            if (cls == "DispVM" && template is null) throw QubesdRefusal.Empty("not simulated: DispVM without a template");
            template ??= _state.FindVm(SandboxSeed.Template) ?? throw QubesdRefusal.Empty("no default_template");
        }

        var vm = new SandboxVm
        {
            Name = name,
            Class = cls,
            Label = label,
            Template = template?.Name,
            Uuid = Guid.NewGuid(),
            Qid = _state.Domains.Count == 0 ? 1 : _state.Domains.Max(d => d.Qid) + 1,
        };
        vm.Volumes.AddRange(NewVolumes(vm, template, pool, pools));
        // create_on_disk; a failure there leaves the VM out of the app (admin.py deletes it again).
        foreach (var v in vm.Volumes) CreateImage(v);
        _state.Domains.Add(vm);
        Save();
        Fire("", "domain-add", ("vm", vm.Name));
        Fire(vm.Name, "domain-tag-add:created-by-dom0", ("tag", "created-by-dom0"));
        Fire(vm.Name, "domain-create-on-disk");
        return null;
    }

    private SandboxPool GetPool(string name)
        => _state.FindPool(name) ?? throw QubesdRefusal.Qubes("QubesException", "Unknown storage pool " + name);

    /// <summary>The class's volume_config with <c>_patch_pool_config</c> applied; defaults from default_pool_&lt;vol&gt;.</summary>
    private List<SandboxVolume> NewVolumes(SandboxVm vm, SandboxVm? template, SandboxPool? pool, Dictionary<string, SandboxPool> pools)
    {
        string Default(string vol) => _state.EffectivePool("default_pool_" + vol, _env.BaseDir)?.Name
            ?? throw QubesdRefusal.Empty("AttributeError: no default pool for " + vol);
        string Target(string vol, bool snapshot, bool rw)
        {
            if (pool is not null) return !snapshot && rw ? pool.Name : Default(vol);
            if (pools.TryGetValue(vol, out var p))
            {
                if (snapshot)
                {
                    throw QubesdRefusal.Qubes("QubesException", $"Snapshot volume {vol} must be in the same pool as its "
                        + $"origin ({vol} volume of template),cannot move to pool {p.Name} ");
                }
                return p.Name;
            }
            return Default(vol);
        }
        string Vid(string poolName, string vol)
        {
            var target = _state.FindPool(poolName);
            if (target is SandboxLvmThinPool)
            {
                var vg = target.Config.First(kv => kv.Key == "volume_group").Value;
                return $"{vg}/vm-{vm.Name}-{vol}";
            }
            return $"{(vm.Class == "TemplateVM" ? "vm-templates" : "appvms")}/{vm.Name}/{vol}";
        }
        string Rtk(string poolName) => _state.FindPool(poolName)?.RevisionsToKeep ?? "0";

        var result = new List<SandboxVolume>();
        var templateRoot = template?.Volumes.FirstOrDefault(v => v.Name == "root");
        if (template is not null && templateRoot is not null)
        {
            // An AppVM's root is a snapshot of the template's: it stays in the template's pool (pool= skips it).
            Target("root", snapshot: true, rw: true);
            result.Add(new SandboxVolume
            {
                Name = "root",
                Pool = templateRoot.Pool,
                Vid = Vid(templateRoot.Pool, "root"),
                Rw = true,
                SnapOnStart = true,
                Size = templateRoot.Size,
                Source = templateRoot.Vid,
            });
        }
        else
        {
            result.Add(Own("root", keep: true, 10 * Gib));
        }
        result.Add(Own("private", keep: true, 2 * Gib));
        result.Add(Own("volatile", keep: false, 10 * Gib));
        var kernelPool = Target("kernel", snapshot: false, rw: false);
        result.Add(new SandboxVolume { Name = "kernel", Pool = kernelPool, Vid = SandboxSeed.KernelVersion });
        return result;

        // A writable volume of the VM's own (not a snapshot) in the pool it goes to; kept ones keep its revisions.
        SandboxVolume Own(string name, bool keep, long size)
        {
            var pool = Target(name, snapshot: false, rw: true);
            return new SandboxVolume
            {
                Name = name,
                Pool = pool,
                Vid = Vid(pool, name),
                RevisionsToKeep = keep ? Rtk(pool) : "0",
                Rw = true,
                SaveOnStop = keep,
                Size = size,
            };
        }
    }

    /// <summary>FileVolume.create: a sparse image unless snap_on_start; ReflinkVolume.create: only save_on_stop ones.</summary>
    private void CreateImage(SandboxVolume v)
    {
        var pool = _state.FindPool(v.Pool);
        bool write = pool switch
        {
            SandboxFilePool => !v.SnapOnStart,
            SandboxReflinkPool => v.SaveOnStop && !v.SnapOnStart,
            _ => false,
        };
        if (!write) return;
        var img = Path.Combine(pool!.DirPath!, v.Vid + ".img");
        if (File.Exists(img)) throw QubesdRefusal.Empty($"OSError: Volume {img} already exists");
        Directory.CreateDirectory(Path.GetDirectoryName(img)!);
        using (var fs = new FileStream(img, FileMode.CreateNew, FileAccess.Write)) fs.SetLength(v.Size);
    }

    private void RemoveImage(SandboxVolume v)
    {
        if (v.SnapOnStart || _state.FindPool(v.Pool) is not { DirPath: { } dir } pool
            || pool is not (SandboxFilePool or SandboxReflinkPool)) return;
        var img = Path.Combine(dir, v.Vid + ".img");
        if (File.Exists(img)) File.Delete(img);
        var folder = Path.GetDirectoryName(img)!;
        if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any()) Directory.Delete(folder);
    }
}
