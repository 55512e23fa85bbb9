using System.Diagnostics;

namespace QubesPoolConsole.Tests.Shared;

/// <summary>
/// Runs the console's command-line executable, as built by the JIT (<c>dotnet qubes-pool.dll ...</c>; published, it is compiled ahead of time) as a child process in sandbox mode on
/// <paramref name="dataDirectory"/>: the same storage.conf, qubes.xml, lock and history as a server on that folder.
/// </summary>
/// <param name="dataDirectory">The console's data folder (QPC_Console__DataDirectory).</param>
/// <param name="workingDirectory">The child's working folder; null: this process's.</param>
/// <param name="environment">Extra environment variables for every run.</param>
public sealed class CliProcess(string dataDirectory, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static readonly Lazy<string> Dll = new(() =>
    {
        // The project reference copies the executable (with its runtimeconfig and deps) next to the tests.
        var beside = Path.Combine(AppContext.BaseDirectory, "qubes-pool.dll");
        if (File.Exists(beside) && File.Exists(Path.ChangeExtension(beside, ".runtimeconfig.json"))) return beside;
        var bin = Path.Combine(RepositoryPaths.Root, "src", "Cli", "bin");
        var found = Directory.Exists(bin)
            ? Directory.EnumerateFiles(bin, "qubes-pool.dll", SearchOption.AllDirectories).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
            : null;
        return found ?? throw new FileNotFoundException("qubes-pool.dll not found next to the tests or under src/Cli/bin.");
    });

    /// <summary>Prepares a process with this runner's data folder and environment, plus <paramref name="extra"/>.</summary>
    public ProcessStartInfo StartInfo(IEnumerable<string> args, IReadOnlyDictionary<string, string>? extra = null)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        psi.ArgumentList.Add(Dll.Value);
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("QPC_", StringComparison.Ordinal)).ToList()) psi.Environment.Remove(key);
        psi.Environment["QPC_Console__Mode"] = "Sandbox";
        psi.Environment["QPC_Console__DataDirectory"] = dataDirectory;
        psi.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (k, v) in (environment ?? new Dictionary<string, string>()).Concat(extra ?? new Dictionary<string, string>()))
        {
            psi.Environment[k] = v;
        }
        return psi;
    }

    /// <summary>Runs a command to the end and collects its output.</summary>
    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        process.StandardInput.Close();
        return await FinishAsync(process);
    }

    /// <summary>
    /// Starts an edit command that stops after loading and validating (the executable's test hook); call
    /// <see cref="PausedEdit.SaveAsync"/> to let it save.
    /// </summary>
    public async Task<PausedEdit> StartPausedAsync(params string[] args)
    {
        var process = Process.Start(StartInfo(args, new Dictionary<string, string> { ["QPC_TEST_PAUSE_BEFORE_SAVE"] = "1" }))!;
        var hook = await process.StandardError.ReadLineAsync().WaitAsync(Timeout);
        if (hook?.StartsWith("test hook: loaded and validated", StringComparison.Ordinal) != true)
        {
            process.Kill(entireProcessTree: true);
            var rest = await process.StandardError.ReadToEndAsync();
            process.Dispose();
            throw new InvalidOperationException("The command did not pause before saving: " + hook + "\n" + rest);
        }
        return new PausedEdit(process);
    }

    /// <summary>Waits for a started process and collects its output (stderr from <paramref name="stderr"/> if begun).</summary>
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
            throw new TimeoutException($"The command did not finish within {Timeout.TotalSeconds} s.");
        }
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>An edit command waiting between its load and its save.</summary>
    public sealed class PausedEdit(Process process) : IDisposable
    {
        /// <summary>Lets the command save (or find that it cannot) and waits for it.</summary>
        public async Task<CliResult> SaveAsync()
        {
            var stderr = process.StandardError.ReadToEndAsync();
            await process.StandardInput.WriteLineAsync();
            process.StandardInput.Close();
            return await FinishAsync(process, stderr);
        }

        public void Dispose()
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.Dispose();
        }
    }
}
