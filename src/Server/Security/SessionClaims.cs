namespace QubesPoolConsole.Server.Security;

/// <summary>Claims the console puts on a logged-in principal.</summary>
public static class SessionClaims
{
    /// <summary>The session id (recorded in the audit log). Components read it through AuthenticationStateProvider.</summary>
    public const string Session = "qpc:session";

    /// <summary>The cookie that carries the session.</summary>
    public const string CookieName = "qpc-session";
}
