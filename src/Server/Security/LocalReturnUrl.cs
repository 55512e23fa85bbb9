namespace QubesPoolConsole.Server.Security;

/// <summary>Return URLs after login: only paths on this server; anything else (open redirect) becomes "/".</summary>
public static class LocalReturnUrl
{
    /// <summary>True for "/..." that is not protocol-relative ("//host", "/\host") and has no control characters.</summary>
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/') return false;
        if (url.Length > 1 && (url[1] == '/' || url[1] == '\\')) return false;
        return !url.Any(char.IsControl);
    }

    /// <summary>The URL when local, otherwise "/".</summary>
    public static string OrRoot(string? url) => IsLocal(url) ? url! : "/";
}
