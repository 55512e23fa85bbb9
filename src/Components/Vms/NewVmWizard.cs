
namespace QubesPoolConsole.Components.Vms;

/// <summary>The wizard's state: the form, the context read from disk, the current step and why it cannot go on.</summary>
public sealed class NewVmWizard(NewVmContext context, NewVmFormModel model)
{
    /// <summary>Step titles for the step list.</summary>
    public static IReadOnlyDictionary<WizardStep, string> Titles { get; } = new Dictionary<WizardStep, string>
    {
        [WizardStep.Name] = "Name",
        [WizardStep.Label] = "Label",
        [WizardStep.Type] = "Type and template",
        [WizardStep.Pool] = "Pool",
        [WizardStep.Options] = "Options",
        [WizardStep.Review] = "Review",
    };

    /// <summary>What was read from disk.</summary>
    public NewVmContext Context { get; } = context;

    /// <summary>The form.</summary>
    public NewVmFormModel Model { get; } = model;

    /// <summary>The step shown.</summary>
    public WizardStep Step { get; private set; } = WizardStep.Name;

    /// <summary>Starts a wizard, preselecting <paramref name="pool"/> (or else the default pool) when it can be chosen.</summary>
    public static NewVmWizard Start(NewVmContext context, string? pool)
    {
        var model = new NewVmFormModel();
        var preselect = context.Pool(pool) is { Selectable: true } chosen ? chosen : context.Pools.FirstOrDefault(p => p.IsDefault && p.Selectable);
        model.Pool = preselect?.Name;
        return new NewVmWizard(context, model);
    }

    /// <summary>Why <paramref name="step"/> is not complete, or null.</summary>
    public string? ProblemOf(WizardStep step) => step switch
    {
        WizardStep.Name => VmNameRules.Check(Model.Name, Context.Inventory),
        WizardStep.Label => VmLabel.Find(Model.Label) is null ? "Choose a label." : null,
        WizardStep.Type => VmRequestRules.TemplateProblem(Model.Type, VmTypeInfo.Of(Model.Type).NeedsTemplate ? Model.Template : null, Context.Inventory),
        WizardStep.Pool => Context.Pool(Model.Pool) is not { } pool
            ? "Choose a pool."
            : pool.UnavailableReason is { } reason ? $"Pool '{pool.Name}' cannot be used: {reason}" : null,
        WizardStep.Options => VmRequestRules.MemoryProblem(Model.MemoryMb) ?? VmRequestRules.VcpusProblem(Model.Vcpus),
        _ => null,
    };

    /// <summary>True when the current step is complete and there is a next one.</summary>
    public bool CanGoNext => Context.Problem is null && Step != WizardStep.Review && ProblemOf(Step) is null;

    /// <summary>Goes to the next step when the current one is complete.</summary>
    public void Next()
    {
        if (CanGoNext) Step++;
    }

    /// <summary>Goes back one step.</summary>
    public void Back()
    {
        if (Step > WizardStep.Name) Step--;
    }

    /// <summary>Jumps to an earlier step (to change something from the review).</summary>
    public void GoTo(WizardStep step)
    {
        if (step < Step) Step = step;
    }
}
