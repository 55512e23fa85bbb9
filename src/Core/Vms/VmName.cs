using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace QubesPoolConsole.Core.Vms;

/// <summary>
/// A name Qubes R3.2 accepts for a new VM: <c>^[a-zA-Z][a-zA-Z0-9_.-]*$</c>, at most 31 characters, not ending in
/// <c>-dm</c> (Qubes names the stub domain of an HVM that way), and not reserved (<c>default</c>, <c>lost+found</c>,
/// <c>none</c>/<c>true</c>/<c>false</c> in any case, <c>disp&lt;N&gt;</c>). Whether the name is taken is a question
/// for the inventory: see <see cref="VmNameRules.Check"/>.
/// </summary>
public readonly partial record struct VmName
{
    /// <summary>Longest accepted name.</summary>
    public const int MaxLength = 31;

    private VmName(string value) => Value = value;

    /// <summary>The name.</summary>
    public string Value { get; }

    /// <summary>Why <paramref name="name"/> cannot name a new VM (a whole sentence), or null when it can.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrEmpty(name)) return "Give the VM a name.";
        if (Reserved(name) is { } reserved) return reserved;
        if (!char.IsAsciiLetter(name[0])) return $"The name must start with a letter a-z or A-Z, not {Describe(name[0])}.";
        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'))
            {
                return $"The name contains {Describe(c)}; use only letters a-z and A-Z, digits, '_', '.' and '-'.";
            }
        }
        if (name.Length > MaxLength) return $"The name is {name.Length} characters long; Qubes allows at most {MaxLength}.";
        if (name.EndsWith("-dm", StringComparison.Ordinal)) return "The name must not end in '-dm': Qubes uses that suffix for the device-model domain of an HVM.";
        return null;
    }

    /// <summary>Makes a VM name, or says why it cannot be one.</summary>
    public static bool TryCreate(string? name, [NotNullWhen(true)] out VmName? vmName, [NotNullWhen(false)] out string? error)
    {
        error = Problem(name);
        vmName = error is null ? new VmName(name!) : null;
        return error is null;
    }

    /// <inheritdoc />
    public override string ToString() => Value;

    private static string? Reserved(string name)
    {
        if (name is "default") return "'default' is reserved: Qubes uses it for the default netvm, template and pool settings.";
        if (name is "lost+found") return "'lost+found' is reserved: it is the file-system recovery folder in every pool directory.";
        if (name.Equals("none", StringComparison.OrdinalIgnoreCase)
            || name.Equals("true", StringComparison.OrdinalIgnoreCase)
            || name.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return $"'{name}' is reserved: qubes.xml and the qvm tools read none, true and false (in any case) as values, not as VM names.";
        }
        // Qubes names DisposableVMs disp1, disp2…; matching any letter case is stricter than R3.2, never looser.
        if (DispPattern().IsMatch(name)) return $"'{name}' is reserved: Qubes names DisposableVMs disp<number>.";
        return null;
    }

    private static string Describe(char c) => c switch
    {
        ' ' => "a space",
        _ when char.IsControl(c) => $"the control character U+{(int)c:X4}",
        _ when char.IsAsciiDigit(c) => $"the digit '{c}'",
        _ => $"'{c}'",
    };

    [GeneratedRegex("^disp[0-9]+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DispPattern();
}
