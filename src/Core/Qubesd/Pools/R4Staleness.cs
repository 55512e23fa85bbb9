namespace QubesPoolConsole.Core.Qubesd.Pools;

/// <summary>
/// Whether qubesd's pools changed since a draft started: apply re-reads them and refuses on any difference, as the
/// storage.conf backend does on a changed file, listing what changed.
/// </summary>
public static class R4Staleness
{
    /// <summary>Every difference from <paramref name="draft"/> to <paramref name="now"/>: pools added and removed, options changed, and default_pool* values changed.</summary>
    public static IReadOnlyList<R4PoolDifference> Differences(R4PoolTable draft, R4PoolTable now, R4DefaultPools? draftDefaults = null, R4DefaultPools? nowDefaults = null)
    {
        var diffs = new List<R4PoolDifference>();
        foreach (var old in draft.Pools.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var cur = now.Find(old.Name);
            if (cur is null) { diffs.Add(new(old.Name, null, R4PoolXml.Element(old), null)); continue; }
            var oldConfig = old.Config;
            var newConfig = cur.Config;
            foreach (var key in oldConfig.Keys.Union(newConfig.Keys).OrderBy(k => k, StringComparer.Ordinal))
            {
                var a = oldConfig.GetValueOrDefault(key);
                var b = newConfig.GetValueOrDefault(key);
                if (a != b) diffs.Add(new(old.Name, key, a, b));
            }
        }
        foreach (var added in now.Pools.Where(p => !draft.Contains(p.Name)).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            diffs.Add(new(added.Name, null, null, R4PoolXml.Element(added)));
        }
        if (draftDefaults is not null && nowDefaults is not null)
        {
            foreach (var property in R4DefaultPools.Properties)
            {
                var (a, b) = (draftDefaults[property], nowDefaults[property]);
                if (a.Value != b.Value || a.IsDefault != b.IsDefault) diffs.Add(new(property, property, Show(a), Show(b)));
            }
        }
        return diffs;
    }

    /// <summary>The finding that refuses apply when anything changed, or null when nothing did.</summary>
    public static R4Finding? Check(R4PoolTable draft, R4PoolTable now, R4DefaultPools? draftDefaults = null, R4DefaultPools? nowDefaults = null)
    {
        var diffs = Differences(draft, now, draftDefaults, nowDefaults);
        if (diffs.Count == 0) return null;
        return R4Finding.Error(R4Codes.PoolsChanged,
            $"The pools changed since this draft was started, so it was not applied: {string.Join("; ", diffs)}. Review the draft against the pools as they are now.");
    }

    private static string Show(R4DefaultPool p) => $"{p.Value ?? "(unresolved)"}{(p.IsDefault ? " (default)" : "")}";
}
