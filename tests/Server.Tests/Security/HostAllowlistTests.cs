using System.Net;

namespace QubesPoolConsole.Server.Tests.Security;

public class HostAllowlistTests(SharedServer shared) : IClassFixture<SharedServer>
{
    [Theory]
    [InlineData("evil.example")]
    [InlineData("127.0.0.1.nip.io")]
    [InlineData("localhost.evil.example")]
    [InlineData("192.168.1.5")]
    public async Task Request_WithForeignHost_Gets400EvenWithASession(string host)
    {
        var server = shared.Server;
        var cookie = await server.LoginCookieAsync();
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = $"{host}:{server.BaseAddress.Port}";
        request.Headers.Add("Cookie", cookie);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Storage pools", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Request_WithLoopbackNameButOtherPort_Gets400()
    {
        var server = shared.Server;
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, server.LoginUrl);
        request.Headers.Host = $"localhost:{server.BaseAddress.Port + 1}";

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

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
