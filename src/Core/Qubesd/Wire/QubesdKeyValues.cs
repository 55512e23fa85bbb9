using System.Globalization;

namespace QubesPoolConsole.Core.Qubesd.Wire;

/// <summary>
/// <c>key=value</c> pairs in the order qubesd sent them: the lines of <c>admin.pool.Info</c>,
/// <c>admin.pool.UsageDetails</c>, <c>admin.vm.volume.Info</c>, or the tokens of an <c>admin.vm.List</c> line.
/// </summary>
public sealed class QubesdKeyValues
{
    private readonly Dictionary<string, string> _byKey = new(StringComparer.Ordinal);

    /// <summary>The pairs; on a repeated key the last one wins in lookups, all stay here.</summary>
    public QubesdKeyValues(IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        Pairs = pairs;
        foreach (var pair in pairs) _byKey[pair.Key] = pair.Value;
    }

    /// <summary>The pairs as sent.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Pairs { get; }

    /// <summary>The keys as sent.</summary>
    public IEnumerable<string> Keys => Pairs.Select(p => p.Key);

    /// <summary>How many pairs.</summary>
    public int Count => Pairs.Count;

    /// <summary>The value of <paramref name="key"/>, or null.</summary>
    public string? this[string key] => _byKey.GetValueOrDefault(key);

    /// <summary>True when <paramref name="key"/> was sent.</summary>
    public bool Contains(string key) => _byKey.ContainsKey(key);

    /// <summary>The value of <paramref name="key"/> as a decimal integer (sizes, usage), or null when absent or not one.</summary>
    public long? GetInt64(string key) =>
        long.TryParse(this[key], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>The value of <paramref name="key"/> as a Python bool literal (<c>True</c>/<c>False</c>), or null.</summary>
    public bool? GetBool(string key) => this[key] switch
    {
        "True" => true,
        "False" => false,
        _ => null,
    };

    /// <summary>The pairs as <c>key=value</c> joined by spaces.</summary>
    public override string ToString() => string.Join(' ', Pairs.Select(p => $"{p.Key}={p.Value}"));
}
