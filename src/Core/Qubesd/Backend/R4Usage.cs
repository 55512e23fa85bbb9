namespace QubesPoolConsole.Core.Qubesd.Backend;

/// <summary>Size and usage in bytes of a pool's data or of its LVM metadata, with the widget's warning level.</summary>
/// <param name="Size">Capacity in bytes, or null when qubesd did not say.</param>
/// <param name="Used">Bytes used, or null when qubesd did not say.</param>
public sealed record R4Usage(long? Size, long? Used)
{
    /// <summary>The disk widget's <c>WARN_LEVEL</c> (orange from here).</summary>
    public const double WarnLevel = 0.9;

    /// <summary>The disk widget's <c>URGENT_WARN_LEVEL</c> (red from here).</summary>
    public const double UrgentLevel = 0.95;

    /// <summary>Used / size, or null when either is unknown or the size is 0.</summary>
    public double? Fraction => Size is > 0 && Used is { } used ? (double)used / Size.Value : null;

    /// <summary>The band <see cref="Fraction"/> falls in, compared as the widget does (<c>value &lt; WARN_LEVEL</c> …).</summary>
    public R4UsageLevel Level => Fraction switch
    {
        null => R4UsageLevel.Unknown,
        < WarnLevel => R4UsageLevel.Normal,
        < UrgentLevel => R4UsageLevel.Warning,
        _ => R4UsageLevel.Critical,
    };

    /// <summary>True when both numbers are known and the size is not 0.</summary>
    public bool IsKnown => Fraction is not null;

    /// <inheritdoc />
    public override string ToString() => $"{Used?.ToString() ?? "?"}/{Size?.ToString() ?? "?"}";
}
