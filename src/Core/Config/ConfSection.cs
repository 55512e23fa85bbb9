namespace QubesPoolConsole.Core.Config;

/// <summary>A section as Qubes reads it: every block with this name merged, in order of first appearance.</summary>
public sealed class ConfSection
{
    internal ConfSection(string name, int firstLine)
    {
        Name = name;
        HeaderLines = [firstLine];
    }

    /// <summary>The section name exactly as written between the brackets.</summary>
    public string Name { get; }

    /// <summary>1-based line numbers of every header of this section (more than one means duplicates).</summary>
    public List<int> HeaderLines { get; }

    /// <summary>1-based line of the first header.</summary>
    public int FirstLine => HeaderLines[0];

    /// <summary>Merged options, in order of first definition.</summary>
    public OrderedDictionary<string, ConfOption> Options { get; } = new(StringComparer.Ordinal);
}
