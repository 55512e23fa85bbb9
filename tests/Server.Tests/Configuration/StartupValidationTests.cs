namespace QubesPoolConsole.Server.Tests.Configuration;

/// <summary>The real executable, as a child process: bad settings end it with a message and a non-zero code.</summary>
public class StartupValidationTests
{
    private static async Task<(int Code, string StdErr)> RunConsoleAsync(IEnumerable<string> args, IDictionary<string, string>? env = null)
    {
        var home = Directory.CreateTempSubdirectory("qpc-home-").FullName;
        try
        {
            var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "QubesPoolConsole"))
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                WorkingDirectory = home,
            };
            foreach (var a in args) start.ArgumentList.Add(a);
            start.Environment["HOME"] = home;
            foreach (var (k, v) in env ?? new Dictionary<string, string>()) start.Environment[k] = v;
            using var process = Process.Start(start)!;
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var stderr = process.StandardError.ReadToEndAsync(cts.Token);
            _ = process.StandardOutput.ReadToEndAsync(cts.Token);
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("The console did not exit on bad settings; it started instead.");
            }
            return (process.ExitCode, await stderr);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public async Task Start_PortOptionOutOfRange_ExitsWithCode2AndTheMessage()
    {
        var (code, stderr) = await RunConsoleAsync(["--mode", "Sandbox", "--port", "80"]);

        Assert.Equal(2, code);
        Assert.Contains("Console:Port = 80: must be 0 (any free port) or between 1024 and 65535", stderr);
        Assert.DoesNotContain("   at ", stderr); // a sentence, not a stack trace
    }

    [Fact]
    public async Task Start_BadEnvironmentVariable_ExitsNonZeroNamingTheSetting()
    {
        var (code, stderr) = await RunConsoleAsync(["--mode", "Sandbox"], new Dictionary<string, string> { ["QPC_Console__IdleTimeoutMinutes"] = "0" });

        Assert.Equal(2, code);
        Assert.Contains("Console:IdleTimeoutMinutes = 0: must be between 1 and", stderr);
    }

    [Fact]
    public async Task Start_PortAlreadyInUse_ExitsWithCode3AndSaysHowToChooseAnother()
    {
        using var occupant = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((System.Net.IPEndPoint)occupant.LocalEndpoint).Port;
        var data = Directory.CreateTempSubdirectory("qpc-busy-").FullName;
        try
        {
            var (code, stderr) = await RunConsoleAsync(["--mode", "Sandbox", "--data", data, "--port", port.ToString()]);

            Assert.Equal(3, code);
            Assert.Contains("address already in use", stderr);
            Assert.Contains("choose another port with --port N", stderr);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
