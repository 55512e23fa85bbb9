namespace QubesPoolConsole.Components.Model;

/// <summary>The driver choice in the create dialog.</summary>
public enum PoolKind
{
    /// <summary>The built-in xen driver (needs dir_path).</summary>
    Xen,
    /// <summary>A custom Python class with free options.</summary>
    CustomClass,
}
