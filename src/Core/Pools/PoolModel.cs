using QubesPoolConsole.Core.Config;

namespace QubesPoolConsole.Core.Pools;

/// <summary>Builds the pools Qubes would load from a document.</summary>
public static class PoolModel
{
    /// <summary>
    /// The effective pools, in file order. <paramref name="defaultDirPath"/> is the dir_path Qubes gives the
    /// default pool when the file does not (<c>/var/lib/qubes/</c> on dom0; the sandbox's own folder off-Qubes).
    /// </summary>
    public static IReadOnlyList<EffectivePool> Build(StorageConfDocument document, string defaultDirPath = KnownDrivers.DefaultDirPath)
    {
        var defaults = document.Defaults;
        var pools = new List<EffectivePool>(document.Sections.Count);
        foreach (var section in document.Sections)
        {
            var merged = new OrderedDictionary<string, PoolOption>(StringComparer.Ordinal);
            if (defaults is not null)
            {
                foreach (var o in defaults.Options.Values) merged[o.Key] = new PoolOption(o.Key, o.Value, OptionSource.Defaults, o.Line);
            }
            foreach (var o in section.Options.Values) merged[o.Key] = new PoolOption(o.Key, o.Value, OptionSource.Section, o.Line);

            var driver = merged.GetValueOrDefault(KnownDrivers.DriverKey);
            var cls = merged.GetValueOrDefault(KnownDrivers.ClassKey);
            var options = merged.Values.Where(o => o.Key is not (KnownDrivers.DriverKey or KnownDrivers.ClassKey)).ToList();
            var effective = new List<PoolOption>(options);
            if (section.Name == KnownDrivers.DefaultPool && !merged.ContainsKey(KnownDrivers.DirPathKey))
            {
                effective.Insert(0, new PoolOption(KnownDrivers.DirPathKey, defaultDirPath, OptionSource.Implied, null));
            }
            pools.Add(new EffectivePool
            {
                Name = section.Name,
                Driver = driver?.Value,
                Class = cls?.Value,
                DriverLine = driver?.Line,
                ClassLine = cls?.Line,
                Line = section.FirstLine,
                Options = options,
                Effective = effective,
            });
        }
        return pools;
    }
}
