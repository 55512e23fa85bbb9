namespace QubesPoolConsole.Server.Tests;

public class PoolsPageTests
{
    [Fact]
    public async Task Get_Root_ListsTheSandboxPools()
    {
        await using var server = await InProcessServer.StartAsync();
        using var client = await server.CreateAuthenticatedClientAsync();

        var html = await client.GetStringAsync("/");

        Assert.Contains("Storage pools", html);
        Assert.Contains(">default<", html);
        Assert.Contains(server.ConfPath, html);
    }
}
