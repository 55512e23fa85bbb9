using System.Text.RegularExpressions;

namespace QubesPoolConsole.Core.Vms;

/// <summary>Turns qvm-create's (and runuser's) known error messages into plain sentences.</summary>
public static partial class QvmCreateOutput
{
    /// <summary>A plain sentence for a failed run, from its output and exit code.</summary>
    public static string Explain(IReadOnlyList<string> output, int exitCode, string? runAsUser)
    {
        foreach (var line in output)
        {
            if (UnknownPool().Match(line) is { Success: true } pool)
                return $"Qubes does not know a pool named '{pool.Groups[1].Value}': storage.conf has no such section as Qubes reads it now. Apply pending pool changes first, or choose another pool.";
            if (NameTaken().Match(line) is { Success: true } taken)
                return $"A VM named '{taken.Groups[1].Value}' already exists; choose another name.";
            if (NoTemplate().Match(line) is { Success: true } missing)
                return $"There is no template named '{missing.Groups[1].Value}'; choose one of the templates Qubes lists.";
            if (NotTemplate().Match(line) is { Success: true } notTemplate)
                return $"'{notTemplate.Groups[1].Value}' is not a TemplateVM; choose a template.";
            if (line.Contains("Running this tool as root", StringComparison.Ordinal))
                return "qvm-create refuses to run as root. Set Console:QvmCreateUser to a normal user in group qubes.";
            if (NoUser().Match(line) is { Success: true } user)
                return $"The user '{user.Groups[1].Value}' (Console:QvmCreateUser) does not exist in dom0; set it to your normal dom0 user in group qubes.";
            if (line.Contains("Permission denied", StringComparison.Ordinal))
                return $"qvm-create was denied access to Qubes' files{(runAsUser is null ? "" : $" as user '{runAsUser}'")}: the user must be in group qubes.";
        }
        return $"qvm-create failed with exit code {exitCode}; its full output is shown below.";
    }

    [GeneratedRegex(@"Uknown storage pool (\S+)")]
    private static partial Regex UnknownPool();

    [GeneratedRegex(@"A VM with the name '([^']*)' already exists")]
    private static partial Regex NameTaken();

    [GeneratedRegex(@"There is no \(Template\)VM with the name '([^']*)'")]
    private static partial Regex NoTemplate();

    [GeneratedRegex(@"VM '([^']*)' is not a TemplateVM")]
    private static partial Regex NotTemplate();

    [GeneratedRegex(@"runuser: user (\S+) does not exist")]
    private static partial Regex NoUser();
}
