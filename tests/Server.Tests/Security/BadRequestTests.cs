using System.Security.Cryptography;

namespace QubesPoolConsole.Server.Tests.Security;

/// <summary>
/// The HTTP part of the bad-input corpus: each case of <see cref="BadRequestCorpus"/> gets its specific status (and
/// message or redirect), no session unless it carried the right token, never the token or a page, and no file of the
/// console's data folder changes.
/// </summary>
public class BadRequestTests(SharedServer shared) : IClassFixture<SharedServer>
{
    [Fact]
    public void Corpus_HasDistinctNames_AndCoversEveryKind()
    {
        Assert.Equal(BadRequestCorpus.Cases.Count, BadRequestCorpus.Cases.Select(c => c.Name).Distinct().Count());
        foreach (var kind in new[] { "host-", "negotiate-origin-", "websocket-origin-", "login-", "token-", "post-login-", "return-url-", "path-", "method-" })
        {
            Assert.Contains(BadRequestCorpus.Cases, c => c.Name.StartsWith(kind, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(BadRequestCorpus.Names), MemberType = typeof(BadRequestCorpus))]
    public async Task BadRequest_GetsItsSpecificAnswer_AndChangesNoFile(string name)
    {
        var server = shared.Server;
        var bad = BadRequestCorpus.Find(name);
        var context = await ContextAsync(server);
        var before = Snapshot(server.DataDirectory);

        var response = await RawHttp.SendAsync(server.BaseAddress, bad.Request(context));

        Assert.True(response.Status == bad.Status, $"{name}: expected {bad.Status}, got\n{response}");
        if (bad.Says is { } says) Assert.Contains(says, response.Body);
        if (bad.Location is { } location)
        {
            var target = new Uri(server.BaseAddress, response.Header("Location") ?? "");
            Assert.Equal(server.BaseAddress.Authority, target.Authority);
            Assert.Equal(location.Replace("{token}", context.Token), target.PathAndQuery);
        }
        bool session = response.SetCookies.Any(v => v.StartsWith(SessionClaims.CookieName + "=", StringComparison.Ordinal) && !v.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
        Assert.True(session == bad.LogsIn, $"{name}: session cookie {(session ? "set" : "not set")}\n{response}");
        Assert.DoesNotContain(context.Token, response.Body);
        // The token appears in a redirect only when the request itself put it in the path or query being redirected.
        if (bad.Location?.Contains("{token}") != true) Assert.DoesNotContain(context.Token, response.Header("Location") ?? "");
        Assert.DoesNotContain("Storage pools", response.Body);
        Assert.DoesNotContain("root:x:0", response.Body);
        Assert.Equal(before, Snapshot(server.DataDirectory));
    }

    private static async Task<HttpCaseContext> ContextAsync(InProcessServer server)
    {
        var session = await server.LoginCookieAsync();
        using var client = server.CreateClient();
        using var form = await client.GetAsync("/login");
        var (field, value) = SecurityHttp.AntiforgeryField(await form.Content.ReadAsStringAsync());
        var antiforgeryCookie = SecurityHttp.AntiforgeryCookie(form);
        return new HttpCaseContext(server.BaseAddress.Authority, server.BaseAddress.Port, server.Token, session,
            antiforgeryCookie, field + "=" + WebUtility.UrlEncode(value));
    }

    /// <summary>
    /// Every file under the data folder (storage.conf, qubes.xml, state, pool folders) with its length and modification
    /// time, and the SHA-256 of those under 1 MB (the sandbox's sparse VM images are gigabytes).
    /// </summary>
    private static string Snapshot(string data)
        => string.Join("\n", Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => new FileInfo(f))
            .Select(f => $"{Path.GetRelativePath(data, f.FullName)} {f.Length} {f.LastWriteTimeUtc.Ticks} "
                + (f.Length < 1 << 20 ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f.FullName))) : "")));
}
