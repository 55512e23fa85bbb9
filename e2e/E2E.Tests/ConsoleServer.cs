using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QubesPoolConsole.Server;

namespace QubesPoolConsole.E2E.Tests;

/// <summary>
/// The real console, in-process on 127.0.0.1 with a free port, on its own fresh sandbox in a temp folder.
/// Development environment, so that static web assets are served from the build output.
/// </summary>
public sealed class ConsoleServer : IAsyncDisposable
{
    private ConsoleServer(WebApplication app, string data)
    {
        App = app;
        DataDirectory = data;
        BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public WebApplication App { get; }
    public string DataDirectory { get; }
    public string BaseUrl { get; }
    public string ConfPath => Path.Combine(DataDirectory, "etc", "qubes", "storage.conf");
    public string QubesXmlPath => Path.Combine(DataDirectory, "var", "lib", "qubes", "qubes.xml");

    public static async Task<ConsoleServer> StartAsync(Action<IDictionary<string, string?>>? settings = null)
    {
        var data = Directory.CreateTempSubdirectory("qpc-e2e-").FullName;
        var values = new Dictionary<string, string?>
        {
            ["Console:Mode"] = "Sandbox",
            ["Console:DataDirectory"] = data,
            ["Console:Port"] = "0",
        };
        settings?.Invoke(values);
        var app = ConsoleHost.Build(["--environment", "Development"], b => b.Configuration.AddInMemoryCollection(values));
        await app.StartAsync();
        return new ConsoleServer(app, data);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
