using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection.Extensions;
using QubesPoolConsole.Server.Configuration;

namespace QubesPoolConsole.Server.Security;

/// <summary>Wires the loopback console's protections into the host (see README, "Opening the console and what protects it").</summary>
public static class ConsoleSecurity
{
    private const string SessionEndedKey = "qpc:session-ended";

    /// <summary>Upper bound of a session's cookie; idleness (<see cref="ConsoleOptions.IdleTimeoutMinutes"/>) usually ends it first.</summary>
    public static readonly TimeSpan MaxSessionLength = TimeSpan.FromHours(12);

    /// <summary>
    /// Drops data protection's start-up task, which loads (and, without one, writes) an XML key ring under
    /// ~/.aspnet that the ephemeral provider never uses. Call after the last service registration: every
    /// <c>AddDataProtection()</c> (antiforgery, cookies, Blazor) adds it back.
    /// </summary>
    public static IServiceCollection WithoutKeyRingOnDisk(this IServiceCollection services)
    {
        for (int i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(IHostedService) && services[i].ImplementationType?.FullName == KeyRingHostedService)
            {
                services.RemoveAt(i);
            }
        }
        return services;
    }

    /// <summary>The key ring's start-up task (internal to ASP.NET Core), by name.</summary>
    public const string KeyRingHostedService = "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService";

    /// <summary>Loopback-only binding, the start token, cookie sessions, and every page behind them.</summary>
    public static WebApplicationBuilder AddConsoleSecurity(this WebApplicationBuilder builder, ConsoleOptions options)
    {
        LoopbackBinding.Configure(builder, options);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LoginToken>();
        services.AddSingleton(sp => new SessionRegistry(sp.GetRequiredService<TimeProvider>(),
            TimeSpan.FromMinutes(Math.Max(1, options.IdleTimeoutMinutes))));

        // Sessions end with the process, so the keys protecting their cookies and antiforgery tokens do too: kept in
        // memory, never written under the user's home (and no "unencrypted key" warning at start: WithoutKeyRingOnDisk).
        services.AddDataProtection().UseEphemeralDataProtectionProvider();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = SessionClaims.CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.Path = "/";
            o.ExpireTimeSpan = MaxSessionLength;
            o.SlidingExpiration = true;
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.ReturnUrlParameter = LoginEndpoints.ReturnUrlParameter;
            o.Events.OnValidatePrincipal = ValidateSessionAsync;
            o.Events.OnRedirectToLogin = context =>
            {
                // Pages go to the login page; the hub and other non-page requests just get 401.
                if (context.Request.Path.StartsWithSegments(HubOriginCheck.HubPath) || !HttpMethods.IsGet(context.Request.Method))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                }
                else if (context.HttpContext.Items.ContainsKey(SessionEndedKey))
                {
                    // The browser came with a session that has ended: the login page says what became of its changes.
                    context.Response.Redirect(QueryHelpers.AddQueryString(context.RedirectUri, LoginEndpoints.SessionEndedParameter, "1"));
                }
                else
                {
                    context.Response.Redirect(context.RedirectUri);
                }
                return Task.CompletedTask;
            };
        });
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<TimeProvider>((o, time) => o.TimeProvider = time);
        // Every endpoint needs the session unless it says otherwise (login, static assets).
        services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddCascadingAuthenticationState();
        services.AddScoped<CircuitHandler, SessionCircuitHandler>();
        return builder;
    }

    /// <summary>The hub's own frame-ancestors policy agrees with the console's CSP.</summary>
    public static void ConfigureHub(ServerComponentsEndpointOptions hub) => hub.ContentSecurityFrameAncestorsPolicy = "'none'";

    /// <summary>The front of the pipeline: Host allowlist first, headers, routing, hub Origin check, authentication.</summary>
    public static WebApplication UseConsoleSecurity(this WebApplication app)
    {
        app.UseHostAllowlist();
        app.UseSecurityHeaders();
        app.UseRouting();
        app.UseHubOriginCheck();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapLoginEndpoints();
        app.Lifetime.ApplicationStarted.Register(() => LoginUrlPublisher.Publish(app.Services));
        return app;
    }

    private static Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionRegistry>();
        var session = context.Principal?.FindFirst(SessionClaims.Session)?.Value;
        if (session is null || !sessions.TryTouch(session))
        {
            context.HttpContext.Items[SessionEndedKey] = true;
            context.RejectPrincipal();
            return context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
        return Task.CompletedTask;
    }
}
