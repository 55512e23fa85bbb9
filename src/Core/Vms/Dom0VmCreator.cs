using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace QubesPoolConsole.Core.Vms;

/// <summary>
/// The dom0 backend: runs Qubes R3.2's <c>qvm-create</c> with an argument list (never a shell). qvm-create refuses to
/// run as root, so when the console runs as root it runs <c>runuser -u USER -- /path/to/qvm-create …</c> with the
/// configured normal user; otherwise it runs qvm-create directly as the console's own user.
/// </summary>
public sealed class Dom0VmCreator(Dom0VmCreatorOptions options) : IVmCreator
{
    /// <inheritdoc />
    public string Description => IsRoot
        ? options.RunAsUser is { } user
            ? $"dom0: the console runs qvm-create as user '{user}' (with runuser), since qvm-create refuses root."
            : "dom0: the console runs as root, but no user is set to run qvm-create as (Console:QvmCreateUser); creation will be refused."
        : $"dom0: the console runs qvm-create as its own user '{Environment.UserName}'.";

    private bool IsRoot => options.IsRoot ?? (OperatingSystem.IsLinux() && Native.NativeMethods.GetEuid() == 0);

    /// <summary>The program and arguments that will run for <paramref name="request"/>, or why none can.</summary>
    public (string Program, IReadOnlyList<string> Arguments)? Invocation(VmRequest request, out string? problem)
    {
        var command = QvmCreateCommand.For(request);
        var qvmCreate = Resolve(options.QvmCreatePath);
        if (qvmCreate is null)
        {
            problem = $"{options.QvmCreatePath} was not found (searched {SearchPath}); the dom0 backend works only in a Qubes R3.2 dom0.";
            return null;
        }
        if (!IsRoot)
        {
            if (options.RunAsUser is { } other && other != Environment.UserName)
            {
                problem = $"The console runs as '{Environment.UserName}', not root, so it cannot run qvm-create as '{other}'. Run the console as '{other}', or as root, or unset Console:QvmCreateUser.";
                return null;
            }
            problem = null;
            return (qvmCreate, command.Arguments);
        }
        if (string.IsNullOrEmpty(options.RunAsUser) || options.RunAsUser == "root")
        {
            problem = "The console runs as root, and qvm-create refuses to run as root. Set Console:QvmCreateUser to your normal dom0 user (a member of group qubes).";
            return null;
        }
        var runuser = Resolve(options.RunuserPath);
        if (runuser is null)
        {
            problem = $"{options.RunuserPath} was not found (searched {SearchPath}), so qvm-create cannot be run as '{options.RunAsUser}'.";
            return null;
        }
        problem = null;
        return (runuser, ["-u", options.RunAsUser, "--", qvmCreate, .. command.Arguments]);
    }

    /// <inheritdoc />
    public async Task<VmCreationResult> CreateAsync(VmRequest request, IProgress<string> progress, CancellationToken cancellationToken = default)
    {
        var output = new List<string>();
        void Say(string line)
        {
            lock (output) output.Add(line);
            progress.Report(line);
        }
        if (Invocation(request, out var problem) is not { } invocation)
        {
            Say("ERROR: " + problem);
            return VmCreationResult.Failure(problem!, output.ToList());
        }
        Say("$ " + QvmCreateCommand.For(request).Display + (invocation.Program.EndsWith("qvm-create", StringComparison.Ordinal) ? "" : $"   (as {options.RunAsUser})"));
        var psi = new ProcessStartInfo(invocation.Program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var arg in invocation.Arguments) psi.ArgumentList.Add(arg);
        if (options.SearchPath is { } path) psi.Environment["PATH"] = path;
        psi.Environment["LC_ALL"] = "C";

        using var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Say(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Say(e.Data); };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            var message = $"{invocation.Program} could not be started: {ex.Message}.";
            Say("ERROR: " + message);
            return VmCreationResult.Failure(message, output.ToList());
        }
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // qvm-create is not interrupted once started: stopping it half-way would leave Qubes' files half-made.
        await process.WaitForExitAsync(CancellationToken.None);
        process.WaitForExit(); // drains the redirected streams
        List<string> lines;
        lock (output) lines = output.ToList();
        if (process.ExitCode == 0)
        {
            return VmCreationResult.Success($"qvm-create created {request.TypeInfo.DisplayName} '{request.Name}' in pool '{request.Pool}'.", lines);
        }
        return VmCreationResult.Failure(QvmCreateOutput.Explain(lines, process.ExitCode, IsRoot ? options.RunAsUser : null), lines);
    }

    private string SearchPath => options.SearchPath ?? Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";

    private string? Resolve(string program)
    {
        if (program.Contains('/')) return File.Exists(program) ? Path.GetFullPath(program) : null;
        foreach (var dir in SearchPath.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, program);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
