namespace QubesPoolConsole.Core.Qubesd.Wire;

/// <summary>
/// One line of <c>admin.vm.List</c>: <c>&lt;name&gt; class=&lt;cls&gt; state=&lt;state&gt;</c>, plus <c>uuid=</c> on R4.3.
/// The tokens are read by key, not by column.
/// </summary>
/// <param name="Name">The VM name.</param>
/// <param name="Properties">Every <c>key=value</c> token of the line.</param>
public sealed record QubesdVmEntry(string Name, QubesdKeyValues Properties)
{
    /// <summary>The VM class, e.g. <c>AppVM</c>, <c>TemplateVM</c>, <c>AdminVM</c>.</summary>
    public string? Class => Properties["class"];

    /// <summary>The power state, e.g. <c>Halted</c>, <c>Running</c>.</summary>
    public string? State => Properties["state"];

    /// <summary>The VM's uuid (R4.3); null on R4.2, which does not send it.</summary>
    public string? Uuid => Properties["uuid"];

    /// <inheritdoc/>
    public override string ToString() => $"{Name} {Properties}";
}
