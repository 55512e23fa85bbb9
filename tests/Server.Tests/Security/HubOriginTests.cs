using System.Net.WebSockets;

namespace QubesPoolConsole.Server.Tests.Security;

/// <summary>The accepted cases; Foreign and missing Origins on negotiate are cases of <see cref="BadRequestCorpus"/>.</summary>
public class HubOriginTests(SharedServer shared) : IClassFixture<SharedServer>
{
    [Fact]
    public async Task Negotiate_WithOwnOriginAndSession_Succeeds()
    {
        var server = shared.Server;
        var cookie = await server.LoginCookieAsync();
        using var client = server.CreateClient();

        using var response = await NegotiateAsync(client, cookie, Own(server));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("connectionToken", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Negotiate_WithOwnOriginButNoSession_Gets401()
    {
        var server = shared.Server;
        using var client = server.CreateClient();

        using var response = await NegotiateAsync(client, cookie: null, Own(server));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("http://evil.example")]
    [InlineData(null)]
    public async Task WebSocketUpgrade_WithForeignOrMissingOrigin_Gets403(string? origin)
    {
        var server = shared.Server;
        var cookie = await server.LoginCookieAsync();
        var connectionToken = await ConnectionTokenAsync(server, cookie);
        using var socket = NewSocket(cookie, origin);

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(HubUri(server, connectionToken), CancellationToken.None));

        Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);
    }

    [Fact]
    public async Task WebSocketUpgrade_WithOwnOriginAndSession_Connects()
    {
        var server = shared.Server;
        var cookie = await server.LoginCookieAsync();
        var connectionToken = await ConnectionTokenAsync(server, cookie);
        using var socket = NewSocket(cookie, Own(server));

        await socket.ConnectAsync(HubUri(server, connectionToken), CancellationToken.None);

        Assert.Equal(WebSocketState.Open, socket.State);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    private static string Own(InProcessServer server) => $"http://{server.BaseAddress.Authority}";

    private static Uri HubUri(InProcessServer server, string connectionToken)
        => new($"ws://{server.BaseAddress.Authority}/_blazor?id={Uri.EscapeDataString(connectionToken)}");

    private static ClientWebSocket NewSocket(string cookie, string? origin)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Cookie", cookie);
        if (origin is not null) socket.Options.SetRequestHeader("Origin", origin);
        return socket;
    }

    private static async Task<HttpResponseMessage> NegotiateAsync(HttpClient client, string? cookie, string? origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        if (origin is not null) request.Headers.Add("Origin", origin);
        return await client.SendAsync(request);
    }

    private static async Task<string> ConnectionTokenAsync(InProcessServer server, string cookie)
    {
        using var client = server.CreateClient();
        using var response = await NegotiateAsync(client, cookie, Own(server));
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("connectionToken").GetString()!;
    }
}
