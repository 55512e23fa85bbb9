namespace QubesPoolConsole.Tests.Shared;

/// <summary>Folders of this repository, found by walking up from the test binary to WebConsole.sln.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootDir = new(() =>
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "WebConsole.sln"))) return d.FullName;
        }
        throw new DirectoryNotFoundException("WebConsole.sln not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository's root folder (the one holding WebConsole.sln).</summary>
    public static string Root => RootDir.Value;
}
