using System.Diagnostics;

namespace QubesPoolConsole.E2E.Tests;

/// <summary>What one run of the console's command line gave.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>
/// The console's own executable (<c>dotnet QubesPoolConsole.dll pools|check|pool ...</c>, copied next to the tests by
/// the project reference) run as a separate process on a <see cref="ConsoleServer"/>'s sandbox: the same storage.conf,
/// qubes.xml, lock and history as the server, as an administrator's shell would use it beside the open console.
/// </summary>
public sealed class ConsoleCli(ConsoleServer server)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs a command to the end.</summary>
    public async Task<CliRun> RunAsync(params string[] args)
    {
        using var process = Process.Start(StartInfo(args, pauseBeforeSave: false))!;
        process.StandardInput.Close();
        return await FinishAsync(process, process.StandardError.ReadToEndAsync());
    }

    /// <summary>
    /// Starts an edit command that stops after loading and validating (the executable's test hook); call
    /// <see cref="PausedEdit.SaveAsync"/> to let it save.
    /// </summary>
    public async Task<PausedEdit> StartPausedAsync(params string[] args)
    {
        var process = Process.Start(StartInfo(args, pauseBeforeSave: true))!;
        var hook = await process.StandardError.ReadLineAsync().WaitAsync(Timeout);
        if (hook?.StartsWith("test hook: loaded and validated", StringComparison.Ordinal) != true)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("The command did not pause before saving: " + hook + "\n" + await process.StandardError.ReadToEndAsync());
        }
        return new PausedEdit(process);
    }

    private ProcessStartInfo StartInfo(string[] args, bool pauseBeforeSave)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "QubesPoolConsole.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("QPC_", StringComparison.Ordinal)).ToList()) psi.Environment.Remove(key);
        psi.Environment["QPC_Console__Mode"] = "Sandbox";
        psi.Environment["QPC_Console__DataDirectory"] = server.DataDirectory;
        psi.Environment["DOTNET_NOLOGO"] = "1";
        if (pauseBeforeSave) psi.Environment["QPC_TEST_PAUSE_BEFORE_SAVE"] = "1";
        return psi;
    }

    private static async Task<CliRun> FinishAsync(Process process, Task<string> stderr)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
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
        return new CliRun(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>An edit command waiting between its load and its save.</summary>
    public sealed class PausedEdit(Process process) : IDisposable
    {
        /// <summary>Lets the command save (or find that it cannot) and waits for it.</summary>
        public async Task<CliRun> SaveAsync()
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
