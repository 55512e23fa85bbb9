namespace QubesPoolConsole.Server.Tests.Security;

public class LoopbackBindingTests
{
    /// <summary>Listen URLs, and whether each binds to loopback only.</summary>
    public static TheoryData<string, bool> Urls => new()
    {
        { "http://127.0.0.1:8431", true },
        { "http://127.1.2.3:8431", true },
        { "http://[::1]:8431", true },
        { "http://localhost:8431", true },
        { "http://0.0.0.0:5000", false },
        { "http://[::]:5000", false },
        { "http://*:5000", false },
        { "http://+:5000", false },
        { "http://192.168.1.5:5000", false },
        { "http://example.org:5000", false },
        { "http://unix:/tmp/console.sock", false },
        { "not a url", false },
    };

    [Theory]
    [MemberData(nameof(Urls))]
    public void IsLoopbackUrl_AcceptsOnlyLoopbackAddresses(string url, bool expected)
        => Assert.Equal(expected, LoopbackBinding.IsLoopbackUrl(url));

    [Theory]
    [InlineData("urls", "http://127.0.0.1:0;http://[::]:5000")]
    [InlineData("Kestrel:Endpoints:Web:Url", "http://0.0.0.0:5000")]
    [InlineData("http_ports", "5000")]
    public async Task Build_AskedForANonLoopbackAddress_Refuses(string key, string value)
    {
        var error = await Assert.ThrowsAsync<NonLoopbackBindingException>(() => InProcessServer.StartAsync(s => s[key] = value));

        Assert.StartsWith("Refusing to start", error.Message);
    }

    [Fact]
    public async Task Build_WithLoopbackUrls_ListensThere()
    {
        await using var server = await InProcessServer.StartAsync(s => s["urls"] = "http://127.0.0.1:0");
        using var client = await server.CreateAuthenticatedClientAsync();

        Assert.Equal(IPAddress.Loopback, IPAddress.Parse(server.BaseAddress.Host));
        Assert.Contains("Storage pools", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task RealServer_WithUrlsOnAllInterfaces_RefusesToStartWithExitCode2AndWritesNothing()
    {
        var (exitCode, stderr, data) = await RunServerAsync(["--urls", "http://0.0.0.0:5000"], environment: null);

        Assert.Equal(LoopbackBinding.RefusedExitCode, exitCode);
        Assert.Contains("Refusing to start", stderr);
        Assert.Contains("http://0.0.0.0:5000", stderr);
        Assert.False(Directory.Exists(data));
    }

    [Fact]
    public async Task RealServer_WithAspNetCoreUrlsOnAllInterfaces_RefusesToStart()
    {
        var (exitCode, stderr, _) = await RunServerAsync([], new() { ["ASPNETCORE_URLS"] = "http://+:5000" });

        Assert.Equal(LoopbackBinding.RefusedExitCode, exitCode);
        Assert.Contains("http://+:5000", stderr);
    }

    private static async Task<(int ExitCode, string Stderr, string Data)> RunServerAsync(
        string[] args, Dictionary<string, string>? environment)
    {
        var data = Path.Combine(Path.GetTempPath(), "qpc-refused-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(ConsoleHost).Assembly.Location);
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var a in new[] { "--mode", "Sandbox", "--data", data }) start.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? []) start.Environment[k] = v;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The server did not refuse; it kept running. Output: " + await stdout);
        }
        return (process.ExitCode, await stderr, data);
    }
}
