namespace QubesPoolConsole.Core.Config;

/// <summary>A section as Qubes reads it: every block with this name merged, in order of first appearance.</summary>
public sealed class ConfSection
{
    private readonly int _firstLine;
    private List<int>? _headerLines;

    internal ConfSection(string name, int firstLine)
    {
        Name = name;
        _firstLine = firstLine;
    }

    /// <summary>The section name exactly as written between the brackets.</summary>
    public string Name { get; }

    /// <summary>1-based line numbers of every header of this section (more than one means duplicates).</summary>
    public List<int> HeaderLines => _headerLines ??= [_firstLine]; // made when asked: most sections have one header

    /// <summary>1-based line of the first header.</summary>
    public int FirstLine => _headerLines is null ? _firstLine : _headerLines[0];

    /// <summary>Merged options, in order of first definition.</summary>
    public OrderedDictionary<string, ConfOption> Options { get; } = new(StringComparer.Ordinal);

    /// <summary>A copy with <paramref name="option"/> in place of the option with its key.</summary>
    internal ConfSection WithOption(ConfOption option)
    {
        var copy = new ConfSection(Name, FirstLine);
        if (_headerLines is { Count: > 1 }) copy.HeaderLines.AddRange(_headerLines.Skip(1));
        foreach (var (key, o) in Options) copy.Options.Add(key, key == option.Key ? option : o);
        return copy;
    }
}
