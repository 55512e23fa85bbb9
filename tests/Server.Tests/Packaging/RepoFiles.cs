namespace QubesPoolConsole.Server.Tests.Packaging;

/// <summary>Finds files of the repository (packaging/…) from the test output folder.</summary>
public static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(d.FullName, "WebConsole.sln"))) return d.FullName;
        }
        throw new InvalidOperationException("WebConsole.sln not found above " + AppContext.BaseDirectory);
    }
}
