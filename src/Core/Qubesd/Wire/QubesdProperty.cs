namespace QubesPoolConsole.Core.Qubesd.Wire;

/// <summary>
/// The reply of <c>admin.property.Get</c> / <c>admin.vm.property.Get</c>: <c>default=&lt;True|False&gt; type=&lt;t&gt; &lt;value&gt;</c>.
/// </summary>
/// <param name="IsDefault">True when the property is not set explicitly (it follows its default).</param>
/// <param name="Type">qubesd's type word: <c>str</c>, <c>int</c>, <c>bool</c>, <c>vm</c> or <c>label</c>.</param>
/// <param name="Value">The value as text; empty when the property has no value.</param>
public sealed record QubesdProperty(bool IsDefault, string Type, string Value)
{
    /// <inheritdoc/>
    public override string ToString() => $"default={(IsDefault ? "True" : "False")} type={Type} {Value}";
}
