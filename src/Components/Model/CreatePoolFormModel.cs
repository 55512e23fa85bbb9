using QubesPoolConsole.Core.Config;
using QubesPoolConsole.Core.Diagnostics;

namespace QubesPoolConsole.Components.Model;

/// <summary>The create-pool form: what the user typed, turned into an <see cref="AddPool"/> edit that Core checks.</summary>
public sealed class CreatePoolFormModel
{
    /// <summary>Pool name.</summary>
    public string Name { get; set; } = "";

    /// <summary>xen or a custom class.</summary>
    public PoolKind Kind { get; set; } = PoolKind.Xen;

    /// <summary>xen: the pool's directory.</summary>
    public string DirPath { get; set; } = "";

    /// <summary>Custom: the dotted Python path of the driver class.</summary>
    public string Class { get; set; } = "";

    /// <summary>Custom: the driver's options.</summary>
    public List<OptionRow> Options { get; } = [new()];

    /// <summary>The edit this form asks for.</summary>
    public AddPool ToEdit() => Kind == PoolKind.Xen
        ? AddPool.Xen(Name, DirPath)
        : new AddPool(Name, null, Class.Trim(), Options.Where(r => !r.IsBlank).Select(r => KeyValuePair.Create(r.Key.Trim(), r.Value)).ToList());

    /// <summary>
    /// Core's verdict on the form, as staging it in <paramref name="draft"/> would give it: errors (refused) and
    /// warnings, by field. When the name alone stops Core, the rest is checked under a stand-in name so every field
    /// gets its messages.
    /// </summary>
    public FieldMessages Check(PoolDraft draft)
    {
        var edit = ToEdit();
        var trial = draft.Preview([edit]);
        var found = new List<Diagnostic>(trial.Diagnostics);
        if (!trial.Ok && trial.Errors.All(e => FieldMessages.FieldOf(e) == FieldMessages.Name))
        {
            var standIn = StandInName(draft.Current ?? StorageConfDocument.Empty);
            var rest = draft.Preview([edit with { Name = standIn }]);
            found.AddRange(rest.Diagnostics
                .Where(d => FieldMessages.FieldOf(d) != FieldMessages.Name)
                .Select(d => d with { Section = Name, Message = d.Message.Replace($"[{standIn}]", "this pool").Replace(standIn, "this pool") }));
        }
        return new FieldMessages(found);
    }

    /// <summary>How Core will write the directory when it differs from what was typed, else null.</summary>
    public string? NormalizedDirPath
        => Core.Pools.DirPath.Check(DirPath) is { Error: null } r && r.Normalized != DirPath ? r.Normalized : null;

    private static string StandInName(StorageConfDocument document)
    {
        var name = "qpc-form-check";
        for (int n = 1; document.FindSection(name) is not null; n++) name = $"qpc-form-check-{n}";
        return name;
    }
}
