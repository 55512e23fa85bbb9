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
            pools.Add(Effective(section, defaults, defaultDirPath));
        }
        return pools;
    }

    /// <summary>The effective pool of one section (not <c>[DEFAULT]</c>), as <see cref="Build"/> gives it.</summary>
    public static EffectivePool? Find(StorageConfDocument document, string name, string defaultDirPath = KnownDrivers.DefaultDirPath)
        => name == StorageConfParser.DefaultsSection || document.FindSection(name) is not { } section
            ? null
            : Effective(section, document.Defaults, defaultDirPath);

    private static EffectivePool Effective(ConfSection section, ConfSection? defaults, string defaultDirPath)
    {
        PoolOption? driver = null, cls = null;
        bool hasDirPath = false;
        var options = new List<PoolOption>(section.Options.Count + (defaults?.Options.Count ?? 0));
        if (defaults is null)
        {
            // Nothing to merge: the section's own options, in order (the common case, without a dictionary per pool).
            foreach (var o in section.Options.Values)
            {
                var option = new PoolOption(o.Key, o.Value, OptionSource.Section, o.Line);
                Sort(option, options, ref driver, ref cls, ref hasDirPath);
            }
        }
        else
        {
            var merged = new OrderedDictionary<string, PoolOption>(StringComparer.Ordinal);
            foreach (var o in defaults.Options.Values) merged[o.Key] = new PoolOption(o.Key, o.Value, OptionSource.Defaults, o.Line);
            foreach (var o in section.Options.Values) merged[o.Key] = new PoolOption(o.Key, o.Value, OptionSource.Section, o.Line);
            foreach (var option in merged.Values) Sort(option, options, ref driver, ref cls, ref hasDirPath);
        }
        var effective = new List<PoolOption>(options);
        if (section.Name == KnownDrivers.DefaultPool && !hasDirPath)
        {
            effective.Insert(0, new PoolOption(KnownDrivers.DirPathKey, defaultDirPath, OptionSource.Implied, null));
        }
        return new EffectivePool
        {
            Name = section.Name,
            Driver = driver?.Value,
            Class = cls?.Value,
            DriverLine = driver?.Line,
            ClassLine = cls?.Line,
            Line = section.FirstLine,
            Options = options,
            Effective = effective,
        };
    }

    /// <summary>Driver and class are kept apart; every other option goes to the driver.</summary>
    private static void Sort(PoolOption option, List<PoolOption> options, ref PoolOption? driver, ref PoolOption? cls, ref bool hasDirPath)
    {
        switch (option.Key)
        {
            case KnownDrivers.DriverKey: driver = option; break;
            case KnownDrivers.ClassKey: cls = option; break;
            default:
                hasDirPath |= option.Key == KnownDrivers.DirPathKey;
                options.Add(option);
                break;
        }
    }
}
