using System.Diagnostics;

namespace QubesPoolConsole.Core.Tests.Support;

/// <summary>Runs external programs with argument lists (never a shell string).</summary>
public static class Tools
{
    public sealed record Run(int ExitCode, string Stdout, string Stderr);

    public static Run Exec(string file, IEnumerable<string> args, string? workingDirectory = null, string? stdin = null, int timeoutMs = 60_000)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }
        if (!p.WaitForExit(timeoutMs))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish within {timeoutMs} ms.");
        }
        return new Run(p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The first existing executable among <paramref name="candidates"/> (absolute paths or names on PATH).</summary>
    public static string? Find(params string[] candidates)
    {
        foreach (var c in candidates)
        {
            if (Path.IsPathRooted(c))
            {
                if (File.Exists(c)) return c;
                continue;
            }
            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
            {
                var full = Path.Combine(dir, c);
                if (File.Exists(full)) return full;
            }
        }
        return null;
    }

    /// <summary>The SaveLoop helper (tests/Tools/SaveLoop), copied next to the test assembly by the project reference.</summary>
    public static string SaveLoopDll => Path.Combine(AppContext.BaseDirectory, "QubesPoolConsole.SaveLoop.dll");

    /// <summary>The dotnet host running this test process.</summary>
    public static string DotnetHost => Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet"
        ? p
        : Find("/usr/share/dotnet/dotnet", "/usr/lib/dotnet/dotnet", "dotnet") ?? "dotnet";

    public static bool IsRoot => Environment.UserName == "root" || Exec("id", ["-u"]).Stdout.Trim() == "0";
}
