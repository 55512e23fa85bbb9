using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;

namespace QubesPoolConsole.Server.Tests.Security;

/// <summary>Small helpers to speak raw HTTP to the server under test.</summary>
public static partial class SecurityHttp
{
    /// <summary>Logs in with a raw client and returns the session cookie ("qpc-session=...").</summary>
    public static async Task<string> LoginCookieAsync(this InProcessServer server)
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync(server.LoginUrl);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        return SessionCookie(response) ?? throw new InvalidOperationException("no session cookie");
    }

    /// <summary>The "qpc-session=value" pair set by the response, if any.</summary>
    public static string? SessionCookie(HttpResponseMessage response)
        => response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).FirstOrDefault(v => v.StartsWith(SessionClaims.CookieName + "=", StringComparison.Ordinal))
            : null;

    /// <summary>A GET with the given cookie header.</summary>
    public static async Task<HttpResponseMessage> GetWithCookieAsync(this HttpClient client, string path, string? cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    /// <summary>The antiforgery hidden field of a rendered form.</summary>
    public static (string Name, string Value) AntiforgeryField(string html)
    {
        var match = AntiforgeryInput().Match(html);
        Assert.True(match.Success, "no antiforgery field in the page");
        return (match.Groups["name"].Value, WebUtility.HtmlDecode(match.Groups["value"].Value));
    }

    /// <summary>The antiforgery cookie pair (".AspNetCore.Antiforgery...=value") the response set.</summary>
    public static string AntiforgeryCookie(HttpResponseMessage response)
        => response.Headers.GetValues("Set-Cookie").Select(v => v.Split(';')[0])
            .Single(v => v.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));

    /// <summary>Posts the logout form of a page fetched with <paramref name="cookie"/>, with its antiforgery token.</summary>
    public static async Task<HttpResponseMessage> LogoutAsync(this HttpClient client, HttpResponseMessage page, string cookie)
    {
        var (name, value) = AntiforgeryField(await page.Content.ReadAsStringAsync());
        using var logout = new HttpRequestMessage(HttpMethod.Post, "/logout")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { [name] = value }),
        };
        logout.Headers.Add("Cookie", $"{cookie}; {AntiforgeryCookie(page)}");
        return await client.SendAsync(logout);
    }

    /// <summary>A server whose sessions expire after 30 idle minutes, counted on <paramref name="clock"/>.</summary>
    public static Task<InProcessServer> StartWithIdleTimeoutAsync(ManualTimeProvider clock)
        => InProcessServer.StartAsync(
            s => s["Console:IdleTimeoutMinutes"] = "30", b => b.Services.AddSingleton<TimeProvider>(clock));

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>__RequestVerificationToken)\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryInput();
}
