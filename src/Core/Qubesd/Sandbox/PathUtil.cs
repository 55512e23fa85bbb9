namespace QubesPoolConsole.Core.Qubesd.Sandbox;

/// <summary>Python's <c>os.path</c> helpers the drivers use: normpath, abspath, realpath, commonpath.</summary>
internal static class PathUtil
{
    /// <summary><c>os.path.normpath</c> (POSIX): collapses //, /./ and a/../; keeps a leading //.</summary>
    public static string NormPath(string path)
    {
        if (path.Length == 0) return ".";
        int initial = path.StartsWith('/') ? (path.StartsWith("//") && !path.StartsWith("///") ? 2 : 1) : 0;
        var parts = new List<string>();
        foreach (var comp in path.Split('/'))
        {
            if (comp is "" or ".") continue;
            if (comp != ".." || (initial == 0 && parts.Count == 0) || (parts.Count > 0 && parts[^1] == ".."))
                parts.Add(comp);
            else if (parts.Count > 0) parts.RemoveAt(parts.Count - 1);
        }
        var joined = string.Join('/', parts);
        joined = new string('/', initial) + joined;
        return joined.Length == 0 ? "." : joined;
    }

    /// <summary><c>os.path.abspath</c>: normpath of the path joined to the working directory.</summary>
    public static string AbsPath(string path)
        => NormPath(path.StartsWith('/') ? path : Path.Combine(Directory.GetCurrentDirectory(), path));

    /// <summary><c>os.path.realpath</c> (non-strict): resolves the symlinks among the parts that exist.</summary>
    public static string RealPath(string path)
    {
        var abs = AbsPath(path);
        var resolved = "/";
        foreach (var comp in abs.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var next = resolved == "/" ? "/" + comp : resolved + "/" + comp;
            try
            {
                var info = new FileInfo(next);
                if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
                {
                    next = AbsPath(target.FullName);
                }
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
            resolved = next;
        }
        return resolved;
    }

    /// <summary><c>os.path.commonpath([ancestor, path]) == ancestor</c>, both absolute and normalised.</summary>
    public static bool IsSameOrAncestor(string ancestor, string path)
        => ancestor == "/" || path == ancestor || path.StartsWith(ancestor + "/", StringComparison.Ordinal);
}
