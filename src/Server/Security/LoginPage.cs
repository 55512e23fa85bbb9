using System.Net;
using Microsoft.AspNetCore.Antiforgery;

namespace QubesPoolConsole.Server.Security;

/// <summary>
/// The page shown to a browser without a session: one form where the login URL (or its token) is pasted.
/// Wrong and missing tokens get the same page — no hint. Plain HTML: no script, styles inline (allowed by the CSP).
/// </summary>
public static class LoginPage
{
    /// <summary>Writes the page with the given status code.</summary>
    public static async Task WriteAsync(HttpContext context, int status, string? returnUrl, string? notice = null)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var e = (string? s) => WebUtility.HtmlEncode(s ?? "");
        var noticeHtml = notice is null ? "" : $"<p role=\"status\">{e(notice)}</p>";
        await context.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>Log in — Qubes Pool Console</title>
            <style>
              body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; color: #222; }
              label { display: block; margin: 1rem 0 .25rem; }
              input[type=password] { width: 100%; padding: .4rem; font-family: monospace; }
              button { margin-top: 1rem; padding: .4rem 1.2rem; }
              code { background: #f2f2f2; padding: 0 .2rem; }
            </style>
            </head>
            <body>
            <main>
            <h1>Log in to Qubes Pool Console</h1>
            {{noticeHtml}}
            <p>Open the login URL the console printed when it started. It is also saved in the file
            <code>{{LoginUrlPublisher.FileName}}</code> in the console's state folder, readable only by the user running the console.</p>
            <form method="post" action="/login">
            <input type="hidden" name="{{e(tokens.FormFieldName)}}" value="{{e(tokens.RequestToken)}}" />
            <input type="hidden" name="ReturnUrl" value="{{e(LocalReturnUrl.OrRoot(returnUrl))}}" />
            <label for="t">Login URL or token</label>
            <input id="t" name="t" type="password" autocomplete="off" required />
            <button type="submit">Log in</button>
            </form>
            </main>
            </body>
            </html>
            """);
    }
}
