using QubesPoolConsole.Core.Qubesd.Pools;
using QubesPoolConsole.Core.Qubesd.Wire;

namespace QubesPoolConsole.Core.Qubesd.Backend;

/// <summary>One planned step and what apply did with it.</summary>
/// <param name="Step">The planned step (its command and call).</param>
/// <param name="Status">Ran, failed, or not run.</param>
/// <param name="Reply">qubesd's reply when the call was sent; null when it was not.</param>
public sealed record R4StepOutcome(R4PlanStep Step, R4StepStatus Status, QubesdReply? Reply)
{
    /// <summary>For a failed step, qubesd's message as it wrote it (or the empty-reply sentence); otherwise null.</summary>
    public string? Message => Status == R4StepStatus.Failed ? Reply?.Message : null;

    /// <inheritdoc />
    public override string ToString() => Status switch
    {
        R4StepStatus.Ran => $"step {Step.Number} ran: {Step.Command}",
        R4StepStatus.Failed => $"step {Step.Number} failed: {Step.Command}: {Reply}",
        _ => $"step {Step.Number} did not run: {Step.Command}",
    };
}
