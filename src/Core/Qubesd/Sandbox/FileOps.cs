namespace QubesPoolConsole.Core.Qubesd.Sandbox;

/// <summary><c>os.mkdir</c> and <c>os.rmdir</c> with qubesd's outcome for an OSError (unhandled: empty reply).</summary>
internal static class FileOps
{
    /// <summary>Creates one directory, never its parents.</summary>
    public static void MkdirOrEmpty(string dir)
    {
        var parent = Path.GetDirectoryName(dir.TrimEnd('/'));
        if (parent is not null && !Directory.Exists(parent))
        {
            throw QubesdRefusal.Empty($"FileNotFoundError: parent of {dir} does not exist");
        }
        try
        {
            Directory.CreateDirectory(dir);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw QubesdRefusal.Empty($"OSError: mkdir {dir}: {ex.Message}");
        }
    }
}
