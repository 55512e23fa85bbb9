using System.Globalization;

namespace QubesPoolConsole.Core.Vms;

/// <summary>The qvm-create command line (R3.2) for a request: the argument list to run and the text to show.</summary>
/// <param name="Arguments">The arguments after the program name, exactly as passed (never through a shell).</param>
public sealed record QvmCreateCommand(IReadOnlyList<string> Arguments)
{
    /// <summary>The program's name.</summary>
    public const string Program = "qvm-create";

    /// <summary>Builds <c>qvm-create -P pool -l label [type flags] [-t template] [-m MB] [-c N] [-i] name</c>.</summary>
    public static QvmCreateCommand For(VmRequest request)
    {
        var type = request.TypeInfo;
        var args = new List<string> { "-P", request.Pool, "-l", request.Label };
        args.AddRange(type.TypeFlags);
        if (type.NeedsTemplate && !string.IsNullOrEmpty(request.Template)) args.AddRange(["-t", request.Template]);
        if (request.MemoryMb is { } mem) args.AddRange(["-m", mem.ToString(CultureInfo.InvariantCulture)]);
        if (request.Vcpus is { } vcpus) args.AddRange(["-c", vcpus.ToString(CultureInfo.InvariantCulture)]);
        if (request.Internal) args.Add("-i");
        args.Add(request.Name);
        return new QvmCreateCommand(args);
    }

    /// <summary>The command as a person would type it, e.g. <c>qvm-create -P foo -l red -t fedora-23 work</c>.</summary>
    public string Display => string.Join(' ', new[] { Program }.Concat(Arguments.Select(Quote)));

    /// <inheritdoc />
    public override string ToString() => Display;

    // Only for display: names, labels and pools never need quoting, but a pool's name comes from storage.conf.
    private static string Quote(string arg)
        => arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '+' or '=' or ':')
            ? arg
            : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
