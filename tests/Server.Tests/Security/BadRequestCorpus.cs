namespace QubesPoolConsole.Server.Tests.Security;

/// <summary>What a bad request may use: this start's address, token, a live session and an antiforgery pair.</summary>
/// <param name="Host">"127.0.0.1:PORT", the address the server listens on.</param>
/// <param name="Session">"qpc-session=..." of a live session.</param>
/// <param name="AntiforgeryCookie">The antiforgery cookie ("name=value") the anonymous login form set.</param>
/// <param name="AntiforgeryField">The login form's antiforgery field, url-encoded ("name=value").</param>
public sealed record HttpCaseContext(string Host, int Port, string Token, string Session, string AntiforgeryCookie, string AntiforgeryField);

/// <summary>
/// One bad HTTP request and the specific answer it must get.
/// </summary>
/// <param name="Name">Unique, used as the theory's data.</param>
/// <param name="Request">The raw request (sent byte for byte).</param>
/// <param name="Status">The status code.</param>
/// <param name="Says">Text the body must contain.</param>
/// <param name="Location">The redirect target (path and query) the response must name; "{token}" stands for the token.</param>
/// <param name="LogsIn">The request carries the right token (a bad return URL): a session is expected, and it must go to "/".</param>
public sealed record HttpCase(string Name, Func<HttpCaseContext, string> Request, int Status, string? Says = null, string? Location = null, bool LogsIn = false)
{
    public override string ToString() => Name;
}

/// <summary>
/// The HTTP part of the bad-input corpus (issue 6): foreign Host and Origin, missing or wrong tokens and cookies, the
/// token in the wrong place, bad form posts, non-local return URLs, odd paths, methods and protocol abuse.
/// Each case is sent raw over a socket, so nothing is normalised on the way.
/// </summary>
public static class BadRequestCorpus
{
    private const string UnknownHost = "Bad request: unknown Host.";
    private const string WrongOrigin = "Forbidden: wrong origin.";
    private const string LoginPage = "Log in to Qubes Pool Console";

    public static readonly IReadOnlyList<HttpCase> Cases = Build();

    public static IEnumerable<object[]> Names => Cases.Select(c => new object[] { c.Name });

    public static HttpCase Find(string name) => Cases.Single(c => c.Name == name);

    private static List<HttpCase> Build()
    {
        var cases = new List<HttpCase>();
        void Add(HttpCase c) => cases.Add(c);

        // --- Host header (DNS rebinding): every foreign name is refused before anything else, even with a session.
        foreach (var (name, host) in new (string, Func<HttpCaseContext, string>)[]
        {
            ("foreign-name", c => $"evil.example:{c.Port}"),
            ("rebinding-name-resolving-to-loopback", c => $"127.0.0.1.nip.io:{c.Port}"),
            ("localhost-as-subdomain", c => $"localhost.evil.example:{c.Port}"),
            ("lan-address", c => $"192.168.1.5:{c.Port}"),
            ("any-address", c => $"0.0.0.0:{c.Port}"),
            ("other-loopback-address", c => $"127.0.0.2:{c.Port}"),
            ("ipv4-mapped-ipv6", c => $"[::ffff:127.0.0.1]:{c.Port}"),
            ("localhost-trailing-dot", c => $"localhost.:{c.Port}"),
            ("own-name-other-port", c => $"localhost:{c.Port + 1}"),
            ("own-name-no-port", _ => "localhost"),
            ("empty", _ => ""),
        })
        {
            Add(new("host-" + name, c => Get("/", host(c), $"Cookie: {c.Session}"), 400, UnknownHost));
        }
        Add(new("host-foreign-on-login-url-with-token", c => Get($"/login?t={c.Token}", $"evil.example:{c.Port}"), 400, UnknownHost));
        Add(new("host-foreign-on-static-asset", c => Get("/_framework/blazor.web.js", $"evil.example:{c.Port}"), 400, UnknownHost));
        Add(new("host-missing-http10", _ => "GET / HTTP/1.0\r\n\r\n", 400, UnknownHost));
        // Kestrel itself refuses these before the app sees them.
        Add(new("host-missing-http11", c => $"GET / HTTP/1.1\r\nCookie: {c.Session}\r\nConnection: close\r\n\r\n", 400));
        Add(new("host-twice", c => $"GET / HTTP/1.1\r\nHost: {c.Host}\r\nHost: evil.example\r\nCookie: {c.Session}\r\nConnection: close\r\n\r\n", 400));
        Add(new("host-with-userinfo", c => Get("/", $"user@{c.Host}", $"Cookie: {c.Session}"), 400));
        Add(new("absolute-target-foreign-authority", c => $"GET http://evil.example/ HTTP/1.1\r\nHost: {c.Host}\r\nCookie: {c.Session}\r\nConnection: close\r\n\r\n", 400));

        // --- Origin on the Blazor hub (cross-site WebSocket hijacking), with a valid session.
        foreach (var (name, origin) in new (string, Func<HttpCaseContext, string?>)[]
        {
            ("foreign", _ => "http://evil.example"),
            ("own-name-other-port", _ => "http://localhost:1"),
            ("null", _ => "null"),
            ("missing", _ => null),
            ("other-loopback-name", c => $"http://localhost:{c.Port}"),
            ("https-scheme", c => $"https://{c.Host}"),
            ("own-as-subdomain", c => $"http://{c.Host}.evil.example"),
            ("trailing-slash", c => $"http://{c.Host}/"),
        })
        {
            Add(new("negotiate-origin-" + name, c => Post("/_blazor/negotiate?negotiateVersion=1", c.Host, "", null, Cookie(c.Session), OriginHeader(origin(c))), 403, WrongOrigin));
        }
        foreach (var (name, origin) in new (string, Func<HttpCaseContext, string?>)[]
        {
            ("foreign", _ => "http://evil.example"),
            ("null", _ => "null"),
            ("missing", _ => null),
            ("own-name-other-port", _ => "http://localhost:1"),
        })
        {
            Add(new("websocket-origin-" + name, c => Upgrade(c, c.Session, origin(c)), 403, WrongOrigin));
        }
        Add(new("hub-post-origin-missing", c => Post("/_blazor?id=x", c.Host, "{}", "text/plain", Cookie(c.Session)), 403, WrongOrigin));
        // Own origin but no (or a forged) session: 401, not a login page.
        Add(new("negotiate-no-session", c => Post("/_blazor/negotiate?negotiateVersion=1", c.Host, "", null, OriginHeader($"http://{c.Host}")), 401));
        Add(new("negotiate-forged-session", c => Post("/_blazor/negotiate?negotiateVersion=1", c.Host, "", null, Cookie("qpc-session=CfDJ8forged"), OriginHeader($"http://{c.Host}")), 401));
        Add(new("websocket-no-session", c => Upgrade(c, null, $"http://{c.Host}"), 401));

        // --- Pages without a valid session go to the login page.
        Add(new("page-no-cookie", c => Get("/", c.Host), 302, Location: "/login?ReturnUrl=%2F"));
        Add(new("page-forged-cookie", c => Get("/review", c.Host, "Cookie: qpc-session=CfDJ8AAAAforged"), 302, Location: "/login?ReturnUrl=%2Freview"));
        Add(new("page-cookie-of-another-name", c => Get("/", c.Host, "Cookie: " + c.Session.Replace("qpc-session=", ".AspNetCore.Cookies=")), 302, Location: "/login?ReturnUrl=%2F"));
        Add(new("page-session-cookie-truncated", c => Get("/", c.Host, "Cookie: " + c.Session[..^10]), 302, Location: "/login?ReturnUrl=%2F"));

        // --- Wrong or missing token: the same login page (401), no hint, no session.
        Add(new("login-no-token", c => Get("/login", c.Host), 401, LoginPage));
        Add(new("login-empty-token", c => Get("/login?t=", c.Host), 401, LoginPage));
        Add(new("login-wrong-token-same-length", c => Get("/login?t=" + new string('A', c.Token.Length), c.Host), 401, LoginPage));
        Add(new("login-token-prefix", c => Get("/login?t=" + c.Token[..^1], c.Host), 401, LoginPage));
        Add(new("login-token-extended", c => Get("/login?t=" + c.Token + "A", c.Host), 401, LoginPage));
        Add(new("login-token-case-flipped", c => Get("/login?t=" + FlipCase(c.Token), c.Host), 401, LoginPage));
        Add(new("login-token-trailing-space", c => Get("/login?t=" + c.Token + "%20", c.Host), 401, LoginPage));
        Add(new("login-token-5000-characters", c => Get("/login?t=" + new string('A', 5_000), c.Host), 401, LoginPage));
        Add(new("login-token-10000-characters", c => Get("/login?t=" + new string('A', 10_000), c.Host), 414)); // longer than Kestrel's 8 KB request line
        Add(new("login-token-nul", c => Get("/login?t=%00" + c.Token, c.Host), 401, LoginPage));
        Add(new("login-token-wrong-then-right", c => Get("/login?t=wrong&t=" + c.Token, c.Host), 401, LoginPage));
        // --- The right token in the wrong place.
        Add(new("token-as-bearer-header", c => Get("/", c.Host, $"Authorization: Bearer {c.Token}"), 302, Location: "/login?ReturnUrl=%2F"));
        Add(new("token-as-cookie", c => Get("/login", c.Host, $"Cookie: t={c.Token}"), 401, LoginPage));
        Add(new("token-in-path", c => Get("/login/" + c.Token, c.Host), 302, Location: "/login?ReturnUrl=%2Flogin%2F{token}"));
        Add(new("token-on-a-page", c => Get("/?t=" + c.Token, c.Host), 302, Location: "/login?ReturnUrl=%2F%3Ft%3D{token}"));
        Add(new("token-in-other-parameter", c => Get("/login?token=" + c.Token, c.Host), 401, LoginPage));
        Add(new("token-as-session-cookie-value", c => Get("/", c.Host, $"Cookie: qpc-session={c.Token}"), 302, Location: "/login?ReturnUrl=%2F"));

        // --- Bad form posts to /login and /logout.
        Add(new("post-login-right-token-no-antiforgery", c => Post("/login", c.Host, Form(("t", c.Token))), 400));
        Add(new("post-login-antiforgery-field-without-cookie", c => Post("/login", c.Host, c.AntiforgeryField + "&" + Form(("t", c.Token))), 400));
        Add(new("post-login-antiforgery-cookie-without-field", c => Post("/login", c.Host, Form(("t", c.Token)), null, Cookie(c.AntiforgeryCookie)), 400));
        Add(new("post-login-antiforgery-field-tampered", c => Post("/login", c.Host, c.AntiforgeryField[..^4] + "AAAA&" + Form(("t", c.Token)), null, Cookie(c.AntiforgeryCookie)), 400));
        Add(new("post-login-wrong-token", c => Post("/login", c.Host, c.AntiforgeryField + "&" + Form(("t", "wrong")), null, Cookie(c.AntiforgeryCookie)), 401, LoginPage));
        Add(new("post-login-empty-token", c => Post("/login", c.Host, c.AntiforgeryField + "&t=", null, Cookie(c.AntiforgeryCookie)), 401, LoginPage));
        Add(new("post-login-no-token-field", c => Post("/login", c.Host, c.AntiforgeryField, null, Cookie(c.AntiforgeryCookie)), 401, LoginPage));
        Add(new("post-login-100000-character-token", c => Post("/login", c.Host, c.AntiforgeryField + "&" + Form(("t", new string('x', 100_000))), null, Cookie(c.AntiforgeryCookie)), 401, LoginPage));
        Add(new("post-login-pasted-url-wrong-token", c => Post("/login", c.Host, c.AntiforgeryField + "&" + Form(("t", $"http://{c.Host}/login?t=wrong")), null, Cookie(c.AntiforgeryCookie)), 401, LoginPage));
        Add(new("post-login-json-body", c => Post("/login", c.Host, $"{{\"t\":\"{c.Token}\"}}", "application/json", Cookie(c.AntiforgeryCookie)), 401)); // no endpoint takes JSON; the rejection needs a session
        Add(new("post-login-garbage-form-body", c => Post("/login", c.Host, "%%%&&==&=%zz", null, Cookie(c.AntiforgeryCookie)), 400));
        Add(new("post-login-content-length-50-mb", c => $"POST /login HTTP/1.1\r\nHost: {c.Host}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 50000000\r\nConnection: close\r\n\r\nt=", 400));
        Add(new("post-logout-no-antiforgery", c => Post("/logout", c.Host, "", null, Cookie(c.Session)), 400));
        Add(new("post-logout-no-session", c => Post("/logout", c.Host, c.AntiforgeryField, null, Cookie(c.AntiforgeryCookie)), 401));
        Add(new("get-logout", c => Get("/logout", c.Host, $"Cookie: {c.Session}"), 404)); // only POST logs out

        // --- Non-local return URLs after a successful login go to "/" (no open redirect, no header injection).
        foreach (var (name, url) in new[]
        {
            ("absolute-https", "https://evil.example/"), ("protocol-relative", "//evil.example/"), ("slash-backslash", "/\\evil.example/"),
            ("backslashes", "\\\\evil.example"), ("javascript", "javascript:alert(1)"), ("scheme-without-slashes", "http:evil.example"),
            ("data-url", "data:text/html,<script>alert(1)</script>"), ("bare-host", "evil.example"), ("leading-space", " /history"),
            ("crlf-header-injection", "/\r\nSet-Cookie: x=1"), ("tab-then-slashes", "/\t/evil.example"), ("empty", ""),
        })
        {
            Add(new("return-url-" + name, c => Get($"/login?t={c.Token}&ReturnUrl={Uri.EscapeDataString(url)}", c.Host), 302, Location: "/", LogsIn: true));
        }
        Add(new("return-url-protocol-relative-in-form", c => Post("/login", c.Host, c.AntiforgeryField + "&" + Form(("t", c.Token), ("ReturnUrl", "//evil.example/")), null, Cookie(c.AntiforgeryCookie)), 302, Location: "/", LogsIn: true));
        Add(new("return-url-markup-on-login-page", c => Get("/login?ReturnUrl=" + Uri.EscapeDataString("/\"><script>alert(1)</script>"), c.Host), 401, "value=\"/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""));

        // --- Odd paths, methods and protocol abuse (with a valid session: nothing outside the app is served).
        foreach (var (name, path) in new[]
        {
            ("dot-dot", "/../../../../etc/passwd"), ("encoded-dot-dot", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd"),
            ("double-encoded-dot-dot", "/%252e%252e/%252e%252e/etc/passwd"), ("dot-dot-under-static", "/_content/../../appsettings.json"),
            ("backslash-dot-dot", "/..%5c..%5c..%5cetc%5cpasswd"), ("appsettings", "/appsettings.json"), ("executable", "/QubesPoolConsole.dll"),
            ("login-url-file", "/login-url"), ("state-folder", "/state/login-url"), ("storage-conf", "/etc/qubes/storage.conf"),
            ("invalid-utf8", "/%ff%fe"), ("unknown-page", "/no-such-page"),
        })
        {
            Add(new("path-" + name, c => Get(path, c.Host, $"Cookie: {c.Session}"), 404));
        }
        Add(new("path-nul", c => Get("/%00", c.Host, $"Cookie: {c.Session}"), 400));
        Add(new("path-9000-characters", c => Get("/" + new string('a', 9000), c.Host, $"Cookie: {c.Session}"), 414));
        Add(new("path-100000-characters", c => Get("/" + new string('a', 100_000), c.Host, $"Cookie: {c.Session}"), 414));
        Add(new("header-40-kb-cookie", c => Get("/", c.Host, $"Cookie: {c.Session}; big={new string('b', 40_000)}"), 431));
        Add(new("header-200-headers", c => Get("/", c.Host, string.Join("\r\n", Enumerable.Range(0, 200).Select(i => $"X-H{i}: {i}")) + $"\r\nCookie: {c.Session}"), 431));
        Add(new("request-line-garbage", _ => "GARBAGE\r\n\r\n", 400));
        Add(new("http-version-unknown", c => $"GET / HTTP/9.9\r\nHost: {c.Host}\r\n\r\n", 505));
        Add(new("method-trace", c => Method("TRACE", "/", c), 405));
        Add(new("method-put-page", c => Method("PUT", "/", c), 405));
        Add(new("method-delete-page", c => Method("DELETE", "/review", c), 405));
        Add(new("method-put-login", c => Method("PUT", "/login", c), 405));
        Add(new("method-unknown", c => Method("FOO", "/", c), 405));
        return cases;
    }

    private static string Get(string path, string host, string? header = null)
        => $"GET {path} HTTP/1.1\r\nHost: {host}\r\n{(header is null ? "" : header + "\r\n")}Connection: close\r\n\r\n";

    private static string Method(string method, string path, HttpCaseContext c)
        => $"{method} {path} HTTP/1.1\r\nHost: {c.Host}\r\nCookie: {c.Session}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

    private static string Post(string path, string host, string body, string? contentType = null, params string?[] headers)
    {
        var extra = string.Concat(headers.Where(h => h is not null).Select(h => h + "\r\n"));
        var length = System.Text.Encoding.UTF8.GetByteCount(body);
        return $"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: {contentType ?? "application/x-www-form-urlencoded"}\r\n{extra}Content-Length: {length}\r\nConnection: close\r\n\r\n{body}";
    }

    private static string Upgrade(HttpCaseContext c, string? session, string? origin)
        => $"GET /_blazor?id=x HTTP/1.1\r\nHost: {c.Host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
           + $"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n{(session is null ? "" : Cookie(session) + "\r\n")}{(origin is null ? "" : OriginHeader(origin) + "\r\n")}\r\n";

    private static string Cookie(string pair) => "Cookie: " + pair;

    private static string? OriginHeader(string? origin) => origin is null ? null : "Origin: " + origin;

    private static string Form(params (string Name, string Value)[] fields)
        => string.Join("&", fields.Select(f => WebUtility.UrlEncode(f.Name) + "=" + WebUtility.UrlEncode(f.Value)));

    private static string FlipCase(string s)
        => new(s.Select(ch => char.IsUpper(ch) ? char.ToLowerInvariant(ch) : char.ToUpperInvariant(ch)).ToArray());
}
