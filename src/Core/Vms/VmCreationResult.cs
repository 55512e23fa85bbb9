namespace QubesPoolConsole.Core.Vms;

/// <summary>How a VM creation ended.</summary>
/// <param name="Succeeded">True when the VM exists now.</param>
/// <param name="Message">A plain sentence: what happened, or why it failed and what to do.</param>
/// <param name="Output">Every line of progress and output, in order.</param>
public sealed record VmCreationResult(bool Succeeded, string Message, IReadOnlyList<string> Output)
{
    /// <summary>A success.</summary>
    public static VmCreationResult Success(string message, IReadOnlyList<string> output) => new(true, message, output);

    /// <summary>A failure.</summary>
    public static VmCreationResult Failure(string message, IReadOnlyList<string> output) => new(false, message, output);
}
