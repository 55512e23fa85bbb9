using static QubesPoolConsole.Core.Diagnostics.DiagnosticCodes;

namespace QubesPoolConsole.Core.Pools;

/// <summary>Checks and normalises a xen pool's dir_path.</summary>
public static class DirPath
{
    /// <summary>Longest accepted path (Linux PATH_MAX).</summary>
    public const int MaxLength = 4096;

    /// <summary>
    /// Outcome of <see cref="Check"/>: an error (a sentence fragment, with its diagnostic <see cref="Code"/>), or the
    /// normal form.
    /// </summary>
    public readonly record struct Result(string? Error, string Normalized, string? Code = null);

    /// <summary>
    /// Absolute, no line breaks or control characters, no '.' or '..' components (a '..' under a symlink does not
    /// mean what it seems, so it is refused rather than folded); repeated and trailing slashes are folded away.
    /// </summary>
    public static Result Check(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) return new("is empty; give an absolute path such as /var/lib/qubes-pools/foo", path, DirPathEmpty);
        if (path.Length > MaxLength) return new($"is {path.Length} characters long; the limit is {MaxLength}", path, DirPathTooLong);
        foreach (char c in path)
        {
            if (char.IsControl(c)) return new($"contains {PoolName.Describe(c)}", path, DirPathControlCharacter);
        }
        if (path[0] != '/') return new($"'{PoolName.Shorten(path)}' is relative; Qubes needs an absolute path starting with '/'", path, DirPathRelative);
        if (IsNormal(path)) return new(null, path); // what the split and join below would give, without allocating
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Any(p => p is "." or ".."))
        {
            return new($"'{PoolName.Shorten(path)}' contains '.' or '..'; write the real absolute path", path, DirPathDotSegment);
        }
        return new(null, "/" + string.Join('/', parts));
    }

    /// <summary>The normal form of a valid path, or the path itself when it is not valid (to compare two values).</summary>
    public static string Normalize(string path) => Check(path) is { Error: null } ok ? ok.Normalized : path;

    /// <summary>True for an absolute path with no empty, '.' or '..' part and no trailing '/' (or exactly "/").</summary>
    private static bool IsNormal(string path)
    {
        if (path == "/") return true;
        if (path[^1] == '/') return false;
        foreach (var range in path.AsSpan(1).Split('/'))
        {
            var part = path.AsSpan(1)[range];
            if (part.Length == 0 || part is "." or "..") return false;
        }
        return true;
    }
}
