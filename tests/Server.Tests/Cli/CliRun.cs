using System.Diagnostics;

namespace QubesPoolConsole.Server.Tests.Cli;

/// <summary>What one run of the real executable gave.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Stderr split into lines (no trailing empty line).</summary>
    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>Starts the console's real executable (<c>dotnet QubesPoolConsole.dll ...</c>) as a child process.</summary>
public static class CliRun
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static readonly Lazy<string> Dll = new(() =>
    {
        // The build copies the referenced executable (with its runtimeconfig and deps) next to the tests.
        var beside = Path.Combine(AppContext.BaseDirectory, "QubesPoolConsole.dll");
        if (File.Exists(beside) && File.Exists(Path.ChangeExtension(beside, ".runtimeconfig.json"))) return beside;
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var bin = Path.Combine(d.FullName, "src", "Server", "bin");
            if (!Directory.Exists(bin)) continue;
            var found = Directory.EnumerateFiles(bin, "QubesPoolConsole.dll", SearchOption.AllDirectories)
                .OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault();
            if (found is not null) return found;
        }
        throw new FileNotFoundException("QubesPoolConsole.dll not found next to the tests or under src/Server/bin.");
    });

    /// <summary>Prepares a process in <paramref name="sandbox"/>'s environment (its own data folder, sandbox mode).</summary>
    public static ProcessStartInfo StartInfo(CliSandbox sandbox, IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = sandbox.Root,
        };
        psi.ArgumentList.Add(Dll.Value);
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("QPC_", StringComparison.Ordinal)).ToList()) psi.Environment.Remove(key);
        psi.Environment["QPC_Console__Mode"] = "Sandbox";
        psi.Environment["QPC_Console__DataDirectory"] = sandbox.DataDirectory;
        psi.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (k, v) in sandbox.Environment.Concat(environment ?? new Dictionary<string, string>())) psi.Environment[k] = v;
        return psi;
    }

    /// <summary>Runs to the end and collects the output.</summary>
    public static async Task<CliResult> RunAsync(CliSandbox sandbox, params string[] args)
    {
        using var process = Process.Start(StartInfo(sandbox, args))!;
        process.StandardInput.Close();
        return await FinishAsync(process);
    }

    /// <summary>Waits for a started process and collects its output.</summary>
    public static async Task<CliResult> FinishAsync(Process process, Task<string>? stderr = null)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        stderr ??= process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The CLI did not finish within {Timeout.TotalSeconds} s.");
        }
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
