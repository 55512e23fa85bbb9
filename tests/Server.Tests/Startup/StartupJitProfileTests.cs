using QubesPoolConsole.Server.Startup;

namespace QubesPoolConsole.Server.Tests.Startup;

public class StartupJitProfileTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Folder_UnderSystemd_IsTheUnitsCacheDirectory()
    {
        var folder = StartupJitProfile.Folder(Env(("CACHE_DIRECTORY", "/home/user/.cache/qubes-pool-console"),
            ("XDG_CACHE_HOME", "/elsewhere"), ("HOME", "/home/user")));
        Assert.Equal("/home/user/.cache/qubes-pool-console", folder);
    }

    [Fact]
    public void Folder_WithSeveralSystemdCacheDirectories_IsTheFirst()
    {
        Assert.Equal("/var/cache/a", StartupJitProfile.Folder(Env(("CACHE_DIRECTORY", "/var/cache/a:/var/cache/b"))));
    }

    [Fact]
    public void Folder_WithoutSystemd_FollowsXdgCacheHome()
    {
        Assert.Equal("/tmp/c/qubes-pool-console", StartupJitProfile.Folder(Env(("XDG_CACHE_HOME", "/tmp/c"), ("HOME", "/home/user"))));
    }

    [Fact]
    public void Folder_WithoutXdgCacheHome_IsInTheHomesCache()
    {
        Assert.Equal("/home/user/.cache/qubes-pool-console", StartupJitProfile.Folder(Env(("HOME", "/home/user"))));
    }

    [Fact]
    public void Folder_IgnoresRelativePaths_AsTheXdgSpecificationSays()
    {
        Assert.Equal("/home/user/.cache/qubes-pool-console",
            StartupJitProfile.Folder(Env(("CACHE_DIRECTORY", "cache"), ("XDG_CACHE_HOME", "rel"), ("HOME", "/home/user"))));
        Assert.Null(StartupJitProfile.Folder(Env(("HOME", "home"))));
        Assert.Null(StartupJitProfile.Folder(Env()));
    }

    [Fact]
    public void Start_InABuildNotPublishedForARuntime_IsOff()
    {
        // The test host has no QubesPoolConsole.StartupJitProfile switch, as a debug build of the console has none.
        Assert.Equal(JitProfileStart.Off, StartupJitProfile.Start());
    }
}
