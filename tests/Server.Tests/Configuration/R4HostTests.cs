using Microsoft.Extensions.DependencyInjection;
using QubesPoolConsole.Core.Backends;
using QubesPoolConsole.Core.Qubesd.Backend;
using QubesPoolConsole.Core.Qubesd.Wire;

namespace QubesPoolConsole.Server.Tests.Configuration;

/// <summary>The web host on the qubesd backend: its services, and the R4 sandbox running for the host's lifetime.</summary>
public class R4HostTests
{
    [Fact]
    public async Task Host_QubesdInSandbox_StartsTheStandInBeforeServingAndStopsItAtShutdown()
    {
        string socket;
        await using (var server = await InProcessServer.StartAsync(s => s["Console:Backend"] = "qubesd"))
        {
            var backend = server.App.Services.GetRequiredService<ConsoleBackend>();
            Assert.Equal(BackendKind.Qubesd, backend.Kind);
            Assert.Equal("qubesd sandbox (R4.3)", backend.Description);
            socket = Path.Combine(server.DataDirectory, "r4", "qubesd.sock");
            Assert.Equal(socket, backend.SocketPath);
            Assert.Equal(socket, server.App.Services.GetRequiredService<IQubesdClient>().SocketPath);

            var view = await server.App.Services.GetRequiredService<R4PoolReader>().ReadAsync();

            Assert.True(view.IsLoaded, view.Error);
            Assert.Contains(view.Rows, r => r.Name == "varlibqubes" && r.VolumeCount == 2);
            Assert.True(File.Exists(socket));
            await server.App.StopAsync();
            Assert.False(File.Exists(socket), "the stand-in deletes its socket when the host stops");
        }
    }

    [Fact]
    public async Task Host_StorageConfSandbox_RegistersTheBackendButNoQubesdServices()
    {
        await using var server = await InProcessServer.StartAsync();

        var backend = server.App.Services.GetRequiredService<ConsoleBackend>();

        Assert.Equal(new ConsoleBackend(BackendKind.StorageConf, null, false, null, "4.3", null, "storage.conf sandbox"), backend);
        Assert.Null(server.App.Services.GetService<IQubesdClient>());
        Assert.Null(server.App.Services.GetService<R4PoolReader>());
        Assert.False(Directory.Exists(Path.Combine(server.DataDirectory, "r4")));
    }

    [Fact]
    public async Task Build_R4FlagAndRelease_ResolveTheR42Sandbox()
    {
        var data = Directory.CreateTempSubdirectory("qpc-r4flag-").FullName;
        try
        {
            await using var app = ConsoleHost.Build(["--mode", "sandbox", "--data", data, "--r4", "--r4-release", "4.2", "--port", "0"]);

            var backend = app.Services.GetRequiredService<ConsoleBackend>();

            Assert.Equal(BackendKind.Qubesd, backend.Kind);
            Assert.True(backend.StartsSandbox);
            Assert.Equal("4.2", backend.SandboxRelease);
            Assert.Equal("qubesd sandbox (R4.2)", backend.Description);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void Build_UnknownRelease_IsRefusedWithTheSentence()
    {
        var error = Assert.Throws<InvalidConsoleOptionsException>(() => ConsoleHost.Build(["--mode", "sandbox", "--r4", "--r4-release", "4.1", "--port", "0"]));

        Assert.Equal(["Console:QubesdRelease = \"4.1\": the R4 sandbox answers as Qubes 4.3 or 4.2."], error.Errors);
    }
}
