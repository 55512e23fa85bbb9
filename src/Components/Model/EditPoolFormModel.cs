using QubesPoolConsole.Core.Config;

namespace QubesPoolConsole.Components.Model;

/// <summary>
/// The edit-pool form: xen pools change dir_path; other pools change class and options. Keys the form does not
/// understand are kept and listed (each can be changed or removed). Emits <see cref="UnsetPoolOption"/> and
/// <see cref="SetPoolOptions"/> edits for what changed.
/// </summary>
public sealed class EditPoolFormModel
{
    private readonly string _originalDirPath;
    private readonly string? _originalClass;

    /// <summary>Starts from the pool as the draft has it; <paramref name="document"/> tells own keys from inherited ones.</summary>
    public EditPoolFormModel(EffectivePool pool, StorageConfDocument document)
    {
        Name = pool.Name;
        IsXen = pool.IsXen;
        Driver = pool.Driver;
        var own = document.FindSection(pool.Name)?.Options;
        _originalDirPath = pool.Option(KnownDrivers.DirPathKey)?.Value ?? "";
        DirPath = _originalDirPath;
        _originalClass = own?.ContainsKey(KnownDrivers.ClassKey) == true ? pool.Class : null;
        Class = _originalClass ?? "";
        foreach (var o in pool.Options)
        {
            if (o.Source != OptionSource.Section) continue;
            if (IsXen && o.Key == KnownDrivers.DirPathKey) continue;
            Options.Add(new OptionRow { Key = o.Key, Value = o.Value, OriginalValue = o.Value });
        }
        Inherited = pool.Options.Where(o => o.Source == OptionSource.Defaults).ToList();
    }

    /// <summary>The pool.</summary>
    public string Name { get; }

    /// <summary>True for a xen pool (the form shows dir_path).</summary>
    public bool IsXen { get; }

    /// <summary>The driver name, shown read-only.</summary>
    public string? Driver { get; }

    /// <summary>True when the pool's section has <c>class=</c> (the form shows it).</summary>
    public bool HasClass => _originalClass is not null;

    /// <summary>xen: the directory.</summary>
    public string DirPath { get; set; }

    /// <summary>The class (when the pool has one).</summary>
    public string Class { get; set; }

    /// <summary>The pool's own keys (for xen: those other than dir_path, which xen rejects) and new rows.</summary>
    public List<OptionRow> Options { get; } = [];

    /// <summary>Keys inherited from [DEFAULT]: shown, not editable here.</summary>
    public IReadOnlyList<PoolOption> Inherited { get; }

    /// <summary>True when the dir_path field differs from the file.</summary>
    public bool DirPathChanged => IsXen && DirPath != _originalDirPath;

    /// <summary>The edits this form asks for: removals first, then one set of the changed values.</summary>
    public IReadOnlyList<PoolEdit> ToEdits()
    {
        var edits = new List<PoolEdit>();
        foreach (var row in Options.Where(r => r.Existing && r.Remove)) edits.Add(new UnsetPoolOption(Name, row.Key));
        var sets = new List<KeyValuePair<string, string>>();
        if (DirPathChanged) sets.Add(new(KnownDrivers.DirPathKey, DirPath));
        if (HasClass && Class != _originalClass) sets.Add(new(KnownDrivers.ClassKey, Class.Trim()));
        foreach (var row in Options.Where(r => !r.Remove && !r.IsBlank))
        {
            if (!row.Existing || row.Value != row.OriginalValue) sets.Add(new(row.Key.Trim(), row.Value));
        }
        if (sets.Count > 0) edits.Add(new SetPoolOptions(Name, sets));
        return edits;
    }

    /// <summary>Core's verdict on the edits, as staging them in <paramref name="draft"/> would give it (with the move warning).</summary>
    public FieldMessages Check(PoolDraft draft)
    {
        var edits = ToEdits();
        return edits.Count == 0 ? FieldMessages.None : new FieldMessages(draft.Preview(edits).Diagnostics);
    }
}
