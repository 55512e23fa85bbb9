using QubesPoolConsole.Core.Config;
using QubesPoolConsole.Core.Diagnostics;
using static QubesPoolConsole.Core.Diagnostics.DiagnosticCodes;

namespace QubesPoolConsole.Core.Pools;

/// <summary>
/// Applies <see cref="PoolEdit"/>s to a document: checks the input (names, keys and values the document can write;
/// dir_path normalised) and refuses an edit that leaves a new error about its pool in the file. What the change
/// means for the VMs and the rest of the file is judged by <see cref="ChangeJudge"/>, which every draft asks.
/// </summary>
public static class PoolEditor
{
    /// <summary>Applies one edit. Never throws for bad user input.</summary>
    public static EditResult Apply(StorageConfDocument document, PoolEdit edit)
    {
        if (edit is ReplaceText raw) return Accept(document, StorageConfDocument.Parse(raw.Text), null);
        if (!document.IsReadableByQubes)
        {
            return EditResult.Refused(Diagnostic.Error(FileUnreadable,
                "Qubes cannot read storage.conf as it is; fix the errors in the text first (pool forms are disabled until then)."));
        }
        return edit switch
        {
            AddPool add => ApplyAdd(document, add),
            SetPoolOptions set => ApplySet(document, set),
            UnsetPoolOption unset => ApplyUnset(document, unset),
            RemovePool remove => ApplyRemove(document, remove),
            _ => throw new ArgumentOutOfRangeException(nameof(edit), edit, "Unknown edit."),
        };
    }

    /// <summary>Applies edits in order; stops at the first refused one.</summary>
    public static EditResult ApplyAll(StorageConfDocument document, IEnumerable<PoolEdit> edits)
    {
        var warnings = new List<Diagnostic>();
        foreach (var edit in edits)
        {
            var result = Apply(document, edit);
            if (!result.Ok) return result;
            document = result.Document!;
            warnings.AddRange(result.Warnings);
        }
        return EditResult.Accepted(document, warnings);
    }

    private static EditResult ApplyAdd(StorageConfDocument document, AddPool add)
    {
        if (!PoolName.TryCreate(add.Name, out _, out var nameError))
        {
            return EditResult.Refused(Diagnostic.Error(
                add.Name.Equals(KnownDrivers.DefaultPool, StringComparison.OrdinalIgnoreCase) ? ReservedSectionName : InvalidPoolName,
                nameError, section: add.Name));
        }
        if (document.FindSection(add.Name) is not null)
        {
            return EditResult.Refused(Diagnostic.Error(PoolExists, $"A pool named '{add.Name}' already exists; choose another name.", section: add.Name));
        }
        var options = new List<KeyValuePair<string, string>>();
        if (add.Class is not null) options.Add(new(KnownDrivers.ClassKey, add.Class));
        if (add.Driver is not null) options.Add(new(KnownDrivers.DriverKey, add.Driver));
        var errors = new List<Diagnostic>();
        foreach (var (key, value) in options)
        {
            // driver and class come from the form too: a value the document cannot write is an input error, not a bug.
            if (ConfSyntax.ValueProblem(value) is { } problem)
            {
                errors.Add(Diagnostic.Error(InvalidValue, $"The value of '{key}' {problem}.", section: add.Name, key: key));
            }
        }
        foreach (var (key, value) in add.Options)
        {
            if (CheckOption(add.Name, key, value, errors) is { } normalized) options.Add(new(key, normalized));
        }
        if (errors.Count > 0) return EditResult.Refused(errors);
        return Accept(document, document.AddSection(add.Name, options), add.Name);
    }

    private static EditResult ApplySet(StorageConfDocument document, SetPoolOptions set)
    {
        if (Missing(document, set.Name) is { } missing) return missing;
        var errors = new List<Diagnostic>();
        var own = document.FindSection(set.Name)!.Options;
        var result = document;
        foreach (var (key, value) in set.Options)
        {
            // A value the pool already has is no change, even one the console would refuse to write fresh.
            if (own.TryGetValue(key, out var current) && current.Value == value) continue;
            if (CheckOption(set.Name, key, value, errors) is not { } normalized) continue;
            result = result.SetOption(set.Name, key, normalized);
        }
        if (errors.Count > 0) return EditResult.Refused(errors);
        return Accept(document, result, set.Name);
    }

    private static EditResult ApplyUnset(StorageConfDocument document, UnsetPoolOption unset)
    {
        if (Missing(document, unset.Name) is { } missing) return missing;
        return Accept(document, document.RemoveOption(unset.Name, unset.Key), unset.Name);
    }

    private static EditResult ApplyRemove(StorageConfDocument document, RemovePool remove)
    {
        if (Missing(document, remove.Name) is { } missing) return missing;
        // Checked as an edit of that pool: what the file says without it (no [default] any more) is a new error.
        return Accept(document, document.RemoveSection(remove.Name), remove.Name);
    }

    /// <summary>Checks an option from user input; returns the value to write (dir_path normalised) or null after adding errors.</summary>
    private static string? CheckOption(string pool, string key, string value, List<Diagnostic> errors)
    {
        if (ConfSyntax.KeyProblem(key) is { } keyProblem)
        {
            errors.Add(Diagnostic.Error(InvalidKey, $"Option name '{PoolName.Shorten(key)}' {keyProblem}.", section: pool, key: key));
            return null;
        }
        if (!OptionKey.IsIdentifier(key))
        {
            errors.Add(Diagnostic.Error(InvalidKey,
                $"Option name '{PoolName.Shorten(key)}' must be a Python identifier (lower-case letters, digits and '_', not starting with a digit): Qubes passes options to the driver as keyword arguments.",
                section: pool, key: key));
            return null;
        }
        if (key == KnownDrivers.DirPathKey)
        {
            var dir = DirPath.Check(value);
            if (dir.Error is not null)
            {
                errors.Add(Diagnostic.Error(dir.Code!, $"dir_path {dir.Error}.", section: pool, key: key));
                return null;
            }
            value = dir.Normalized;
        }
        if (ConfSyntax.ValueProblem(value) is { } valueProblem)
        {
            errors.Add(Diagnostic.Error(InvalidValue, $"The value of '{key}' {valueProblem}.", section: pool, key: key));
            return null;
        }
        return value;
    }

    private static EditResult? Missing(StorageConfDocument document, string name)
        => document.FindSection(name) is null || name == StorageConfParser.DefaultsSection
            ? EditResult.Refused(Diagnostic.Error(PoolNotFound, $"There is no pool named '{PoolName.Shorten(name)}'.", section: name))
            : null;

    /// <summary>Accepts the new document unless it has errors the old one did not (about <paramref name="pool"/>, or anywhere when null).</summary>
    private static EditResult Accept(StorageConfDocument before, StorageConfDocument after, string? pool)
    {
        // An edit of one pool can only change what is said about that pool or the whole file: check only those.
        var old = (pool is null ? PoolRules.Validate(before) : PoolRules.ValidatePool(before, pool)).Select(Identity).ToHashSet();
        var now = pool is null ? PoolRules.Validate(after) : PoolRules.ValidatePool(after, pool);
        var fresh = now.Where(d => !old.Contains(Identity(d)) && (pool is null || d.Section == pool || d.Section is null)).ToList();
        var newErrors = fresh.Where(d => d.IsError).ToList();
        return newErrors.Count > 0 && pool is not null
            ? EditResult.Refused(newErrors)
            : EditResult.Accepted(after, fresh);
    }

    private static (string, string?, string?) Identity(Diagnostic d) => (d.Code, d.Section, d.Key);
}
