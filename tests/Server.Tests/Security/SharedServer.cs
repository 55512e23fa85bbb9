namespace QubesPoolConsole.Server.Tests.Security;

/// <summary>One server for a test class whose tests do not change its files (each test logs in on its own).</summary>
public sealed class SharedServer : IAsyncLifetime
{
    public InProcessServer Server { get; private set; } = default!;

    public async Task InitializeAsync() => Server = await InProcessServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
