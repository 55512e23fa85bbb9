using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QubesPoolConsole.Server;

namespace QubesPoolConsole.Server.Tests;

/// <summary>The real console on 127.0.0.1 with a free port and a fresh sandbox in a temp folder.</summary>
public sealed class ServerUnderTest : IAsyncDisposable
{
    private ServerUnderTest(WebApplication app, string dataDirectory)
    {
        App = app;
        DataDirectory = dataDirectory;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
    }

    public WebApplication App { get; }
    public string DataDirectory { get; }
    public Uri BaseAddress { get; }
    public string ConfPath => Path.Combine(DataDirectory, "etc", "qubes", "storage.conf");

    public static async Task<ServerUnderTest> StartAsync(Action<IDictionary<string, string?>>? settings = null)
    {
        var data = Directory.CreateTempSubdirectory("qpc-server-").FullName;
        var values = new Dictionary<string, string?>
        {
            ["Console:Mode"] = "Sandbox",
            ["Console:DataDirectory"] = data,
            ["Console:Port"] = "0",
        };
        settings?.Invoke(values);
        var app = ConsoleHost.Build([], b => b.Configuration.AddInMemoryCollection(values));
        await app.StartAsync();
        return new ServerUnderTest(app, data);
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
