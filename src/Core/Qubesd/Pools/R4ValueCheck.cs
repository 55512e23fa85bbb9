namespace QubesPoolConsole.Core.Qubesd.Pools;

/// <summary>The outcome of checking one value: a finding code and sentence fragment, or the text to send.</summary>
/// <param name="Code">One of <see cref="R4Codes"/> when the value is refused; null when it is accepted.</param>
/// <param name="Problem">Why it is refused (a sentence that completes "The value of X …"), or null.</param>
/// <param name="Normalized">The text the console sends (booleans as True/False), or the input when refused.</param>
/// <param name="Stored">What qubesd will keep in its config (e.g. the path after os.path.normpath).</param>
public readonly record struct R4ValueCheck(string? Code, string? Problem, string Normalized, string Stored)
{
    /// <summary>True when the value is accepted.</summary>
    public bool IsValid => Code is null;

    /// <summary>An accepted value.</summary>
    public static R4ValueCheck Ok(string normalized, string? stored = null) => new(null, null, normalized, stored ?? normalized);

    /// <summary>A refused value.</summary>
    public static R4ValueCheck Refused(string code, string problem, string input) => new(code, problem, input, input);
}
