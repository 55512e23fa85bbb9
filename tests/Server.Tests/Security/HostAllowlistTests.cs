namespace QubesPoolConsole.Server.Tests.Security;

/// <summary>The accepted cases; Foreign Hosts are cases of <see cref="BadRequestCorpus"/>.</summary>
public class HostAllowlistTests(SharedServer shared) : IClassFixture<SharedServer>
{
    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    public async Task Request_WithLoopbackHostAndOwnPort_ReachesTheApp(string host)
    {
        var server = shared.Server;
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, server.LoginUrl);
        request.Headers.Host = $"{host}:{server.BaseAddress.Port}";

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
    }
}
